import { findChannelType } from './channel-types';
import { messageIndexOf } from './message-index';
import { isShownInChannel } from './message-visibility';
import { ChannelRecord, MessageRecord, ReadState } from './model';

/** The epoch, used as `last_read` for a member who has read nothing. */
export const NEVER_READ = new Date(0).toISOString();

/** Whether a channel keeps read state (its type has `read_events`). */
export function tracksReadState(channel: ChannelRecord): boolean {
  return findChannelType(channel.type)?.readEvents ?? false;
}

export { isShownInChannel };

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
  return messageIndexOf(channel).shown.newest();
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
  const index = messageIndexOf(channel);
  const shown = index.shown;
  const firstUnread = index.get(messageId);
  const position = firstUnread ? shown.positionOf(firstUnread) : -1;
  if (!firstUnread || position < 0) {
    return undefined;
  }
  const previous = shown.walk(position - 1, -1, 1, shown.end)[0];
  const unreadMessages = shown
    .walk(position, 1, Infinity, shown.end)
    .filter((message) => countsAsUnread(channel, message, readerId)).length;
  return {
    read: {
      lastRead: previous ? previous.createdAt : NEVER_READ,
      lastReadMessageId: previous?.id,
      unreadMessages,
    },
    firstUnread,
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
