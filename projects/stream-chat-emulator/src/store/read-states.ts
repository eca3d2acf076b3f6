import { findChannelType } from './channel-types';
import { ChannelRecord, MessageRecord, ReadState } from './model';

/** The epoch, used as `last_read` for a member who has read nothing. */
export const NEVER_READ = new Date(0).toISOString();

/** Whether a channel keeps read state (its type has `read_events`). */
export function tracksReadState(channel: ChannelRecord): boolean {
  return findChannelType(channel.type)?.readEvents ?? false;
}

/** Whether a message is shown in the channel's main list (not a thread-only reply). */
export function isShownInChannel(message: MessageRecord): boolean {
  return !message.parentId || message.showInChannel === true;
}

/**
 * Whether a message counts as unread for `readerId`, mirroring the client's
 * `_countMessageAsUnread`: not the reader's own, not silent, not a thread-only reply,
 * and only in channels that keep read state. Mutes are not implemented, so never apply.
 */
export function countsAsUnread(
  channel: ChannelRecord,
  message: MessageRecord,
  readerId: string,
): boolean {
  return (
    tracksReadState(channel) &&
    message.userId !== readerId &&
    !message.silent &&
    message.type !== 'system' &&
    isShownInChannel(message)
  );
}

/** The newest message shown in the channel, if any. */
export function latestShownMessage(channel: ChannelRecord): MessageRecord | undefined {
  for (let index = channel.messages.length - 1; index >= 0; index--) {
    if (isShownInChannel(channel.messages[index])) {
      return channel.messages[index];
    }
  }
  return undefined;
}

/** A read state with everything read up to the newest message (or `at` when empty). */
export function readUpToLatest(channel: ChannelRecord, at: string): ReadState {
  return { lastRead: at, lastReadMessageId: latestShownMessage(channel)?.id, unreadMessages: 0 };
}

/**
 * The read state after the reader marks everything from `messageId` on as unread.
 * @returns `undefined` when the message is not in the channel.
 */
export function readStateBefore(
  channel: ChannelRecord,
  messageId: string,
  readerId: string,
): { read: ReadState; firstUnread: MessageRecord } | undefined {
  const shown = channel.messages.filter(isShownInChannel);
  const index = shown.findIndex((message) => message.id === messageId);
  if (index < 0) {
    return undefined;
  }
  const previous = index > 0 ? shown[index - 1] : undefined;
  const unreadMessages = shown
    .slice(index)
    .filter((message) => countsAsUnread(channel, message, readerId)).length;
  return {
    read: {
      lastRead: previous ? previous.createdAt : NEVER_READ,
      lastReadMessageId: previous?.id,
      unreadMessages,
    },
    firstUnread: shown[index],
  };
}

/**
 * A member's read state recomputed from `last_read`: the messages after it that count
 * as unread. Used for seeds that give only `last_read`.
 */
export function readStateSince(
  channel: ChannelRecord,
  lastRead: string,
  readerId: string,
): ReadState {
  const lastReadTime = Date.parse(lastRead);
  let lastReadMessageId: string | undefined;
  let unreadMessages = 0;
  for (const message of channel.messages) {
    if (Date.parse(message.createdAt) <= lastReadTime) {
      if (isShownInChannel(message)) {
        lastReadMessageId = message.id;
      }
    } else if (countsAsUnread(channel, message, readerId)) {
      unreadMessages++;
    }
  }
  return { lastRead, lastReadMessageId, unreadMessages };
}
