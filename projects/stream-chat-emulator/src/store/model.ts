/**
 * The emulator's in-memory data model. Field names are camelCase here; the wire and the
 * seed/data files use Stream's snake_case names (see `responses/` and `seed-schema.ts`).
 * Custom fields (name, image, anything else) live in each record's `data`.
 */

/** A user of the app. */
export interface UserRecord {
  id: string;
  /** App-level role: `user`, `admin`, `guest`, or any custom role. */
  role: string;
  createdAt: string;
  updatedAt: string;
  /** When the user last connected or disconnected. */
  lastActive?: string;
  /** Whether the user is banned app-wide. */
  banned: boolean;
  /** Custom fields, including `name` and `image`. */
  data: Record<string, unknown>;
}

/** One user's read position in one channel. */
export interface ReadState {
  lastRead: string;
  lastReadMessageId?: string;
  /** Messages after `lastRead` that count as unread for this user. */
  unreadMessages: number;
}

/** A user's membership of a channel, with its read state. */
export interface MemberRecord {
  userId: string;
  /** `channel_member` or `channel_moderator`. */
  channelRole: string;
  createdAt: string;
  updatedAt: string;
  read: ReadState;
}

/** A stored message. */
export interface MessageRecord {
  id: string;
  cid: string;
  userId: string;
  text: string;
  /** `regular`, `system`, `reply`... */
  type: string;
  createdAt: string;
  updatedAt: string;
  parentId?: string;
  showInChannel?: boolean;
  silent: boolean;
  quotedMessageId?: string;
  mentionedUserIds: string[];
  attachments: unknown[];
  replyCount: number;
  threadParticipantIds: string[];
  /** When the message was (soft) deleted; its type is then `deleted`. */
  deletedAt?: string;
  /** Custom fields. */
  data: Record<string, unknown>;
}

/** A channel with its members and messages. */
export interface ChannelRecord {
  type: string;
  id: string;
  /** `type:id`. */
  cid: string;
  createdById?: string;
  createdAt: string;
  updatedAt: string;
  /** Creation time of the newest message shown in the channel, if any. */
  lastMessageAt?: string;
  /** Custom fields, including `name`, `image`, `frozen`. */
  data: Record<string, unknown>;
  /** Members by user id, in the order they joined. */
  members: Map<string, MemberRecord>;
  /** All messages (thread replies included), oldest first. */
  messages: MessageRecord[];
}

/** Unread figures of one user, as sent in `me` and in events. */
export interface UnreadSummary {
  /** Sum of `unread_messages` over the user's channels. */
  totalUnreadCount: number;
  /** How many of the user's channels have unread messages. */
  unreadChannels: number;
}

/** Builds a channel id `type:id`. */
export function toCid(type: string, id: string): string {
  return `${type}:${id}`;
}
