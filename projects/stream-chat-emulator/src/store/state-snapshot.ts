import { ChatStore } from './chat-store';
import { ChannelRecord, MemberRecord, MessageRecord, UserRecord } from './model';
import { SeedChannel, SeedData, SeedMember, SeedMessage, SeedUser } from './seed-schema';

/** A user's stored fields: custom data, then id, role, times and `banned`. */
export function storedUserFields(user: UserRecord): SeedUser {
  return {
    ...user.data,
    id: user.id,
    role: user.role,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
    ...(user.lastActive ? { last_active: user.lastActive } : {}),
    banned: user.banned,
  };
}

/**
 * Writes the whole state in the seed format, with every field filled in (times, roles,
 * read state), so that loading it back gives the same state.
 */
export function snapshotState(store: ChatStore): SeedData {
  const users = store.users.list().map(storedUserFields);
  const channels = store.listChannels().map((channel): SeedChannel => ({
    ...storedChannelFields(channel),
    members: [...channel.members.values()].map(storedMemberFields),
    messages: channel.messages.map(snapshotMessage),
  }));
  const snapshot: SeedData = { users, channels };
  for (const slice of store.slices) {
    if (slice.persistence) {
      const value = slice.persistence.snapshot(store.slice(slice), store);
      // A slice with nothing to keep (an empty list) leaves no key in the file.
      if (!Array.isArray(value) || value.length > 0) {
        snapshot[slice.persistence.key] = value;
      }
    }
  }
  return snapshot;
}

/** A channel's own stored fields: custom data, type, id, creator and times (no members or messages). */
export function storedChannelFields(channel: ChannelRecord): SeedChannel {
  return {
    ...channel.data,
    type: channel.type,
    id: channel.id,
    ...(channel.createdById ? { created_by_id: channel.createdById } : {}),
    created_at: channel.createdAt,
    updated_at: channel.updatedAt,
  };
}

/** A member's stored fields, read state included. */
export function storedMemberFields(member: MemberRecord): SeedMember {
  return {
    user_id: member.userId,
    channel_role: member.channelRole,
    created_at: member.createdAt,
    last_read: member.read.lastRead,
    ...(member.read.lastReadMessageId
      ? { last_read_message_id: member.read.lastReadMessageId }
      : {}),
    unread_messages: member.read.unreadMessages,
  };
}

/** A message's stored fields, with every field filled in. */
export function snapshotMessage(message: MessageRecord): SeedMessage {
  return {
    ...message.data,
    id: message.id,
    user_id: message.userId,
    text: message.text,
    type: message.type,
    created_at: message.createdAt,
    updated_at: message.updatedAt,
    ...(message.parentId ? { parent_id: message.parentId } : {}),
    ...(message.showInChannel ? { show_in_channel: true } : {}),
    ...(message.silent ? { silent: true } : {}),
    ...(message.quotedMessageId ? { quoted_message_id: message.quotedMessageId } : {}),
    ...(message.mentionedUserIds.length > 0 ? { mentioned_users: message.mentionedUserIds } : {}),
    ...(message.attachments.length > 0 ? { attachments: message.attachments } : {}),
    ...(message.deletedAt ? { deleted_at: message.deletedAt } : {}),
  };
}
