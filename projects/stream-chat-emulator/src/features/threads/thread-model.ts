import { ChatStore } from '../../store/chat-store';
import { messageIndexOf } from '../../store/message-index';
import { PagedMessages } from '../../store/message-paging';
import { ChannelRecord, MessageRecord } from '../../store/model';
import { OrderedMessages } from '../../store/ordered-messages';
import { NEVER_READ } from '../../store/read-states';
import { ThreadRead, threadsSlice } from './thread-slice';

/** A thread's read state for one user, with its unread figures. */
export interface ThreadReadView {
  userId: string;
  lastRead: string;
  lastReadMessageId?: string;
  /** Replies of others after `lastRead` that are not deleted. */
  unreadMessages: number;
}

/**
 * Whether the message is the parent of a thread: a top-level message that has (or had)
 * replies. Thread participants stay after replies are deleted, so does the thread.
 */
export function isThreadParent(message: MessageRecord): boolean {
  return !message.parentId && message.threadParticipantIds.length > 0;
}

/** The thread's replies, oldest first (soft-deleted ones included). */
export function repliesOf(channel: ChannelRecord, parent: MessageRecord): MessageRecord[] {
  return [...(messageIndexOf(channel).repliesOf(parent.id)?.live() ?? [])];
}

/** The thread's replies as an index to page (O(log n + page size)). */
export function pagedRepliesOf(channel: ChannelRecord, parent: MessageRecord): PagedMessages {
  const index = messageIndexOf(channel);
  return {
    list: index.repliesOf(parent.id) ?? new OrderedMessages(),
    find: (id) => index.get(id),
  };
}

/** The thread's participants: the parent's author first, then repliers by first reply. */
export function participantIds(parent: MessageRecord): string[] {
  return [...new Set([parent.userId, ...parent.threadParticipantIds])];
}

/** The user's stored read position in the thread, if any. */
export function storedRead(
  store: ChatStore,
  parentId: string,
  userId: string,
): ThreadRead | undefined {
  return store.slice(threadsSlice).reads.get(parentId)?.get(userId);
}

/** Stores the user's read position in the thread (and schedules persistence). */
export function setRead(
  store: ChatStore,
  parentId: string,
  userId: string,
  read: ThreadRead,
): void {
  const reads = store.slice(threadsSlice).reads;
  const byUser = reads.get(parentId) ?? new Map<string, ThreadRead>();
  byUser.set(userId, read);
  reads.set(parentId, byUser);
  store.changed();
}

/**
 * The user's read state in the thread. A participant who never read it has read nothing
 * (every reply of others is unread).
 */
export function readOf(
  store: ChatStore,
  replies: MessageRecord[],
  parentId: string,
  userId: string,
): ThreadReadView {
  const read = storedRead(store, parentId, userId) ?? { lastRead: NEVER_READ };
  const since = Date.parse(read.lastRead);
  const unreadMessages = replies.filter(
    (reply) => reply.userId !== userId && !reply.deletedAt && Date.parse(reply.createdAt) > since,
  ).length;
  return { userId, ...read, unreadMessages };
}

/** The threads (parent messages) the user takes part in, over the channels they are a member of. */
export function threadsOfUser(
  store: ChatStore,
  userId: string,
): { channel: ChannelRecord; parent: MessageRecord }[] {
  const threads: { channel: ChannelRecord; parent: MessageRecord }[] = [];
  for (const cid of store.channelIdsOf(userId)) {
    const channel = store.getChannel(cid);
    const index = channel ? messageIndexOf(channel) : undefined;
    const parents = (index?.threadParentIds() ?? [])
      .map((parentId) => index?.get(parentId))
      .filter((message) => message !== undefined)
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    for (const message of parents) {
      if (channel && isThreadParent(message) && participantIds(message).includes(userId)) {
        threads.push({ channel, parent: message });
      }
    }
  }
  return threads;
}

/** The user's unread thread figures: threads with unread replies, and those replies. */
export function unreadThreadCounts(
  store: ChatStore,
  userId: string,
): { unreadThreads: number; unreadThreadMessages: number } {
  let unreadThreads = 0;
  let unreadThreadMessages = 0;
  for (const { channel, parent } of threadsOfUser(store, userId)) {
    const { unreadMessages } = readOf(store, repliesOf(channel, parent), parent.id, userId);
    unreadThreads += unreadMessages > 0 ? 1 : 0;
    unreadThreadMessages += unreadMessages;
  }
  return { unreadThreads, unreadThreadMessages };
}

/** A thread's times, as `ThreadResponse` and thread queries use them. */
export interface ThreadTimes {
  /** When the first reply was sent (the parent's time when no reply is left). */
  createdAt: string;
  /** The newest of: creation, the last reply, the last change of the thread's data. */
  updatedAt: string;
  /** When the last reply was sent, if a reply is left. */
  lastMessageAt?: string;
}

/** The thread's times, from its replies and its data. */
export function threadTimes(
  store: ChatStore,
  replies: MessageRecord[],
  parent: MessageRecord,
): ThreadTimes {
  const createdAt = replies[0]?.createdAt ?? parent.createdAt;
  const lastMessageAt = replies.at(-1)?.createdAt;
  const dataUpdatedAt = store.slice(threadsSlice).data.get(parent.id)?.updatedAt;
  const updatedAt = [lastMessageAt, dataUpdatedAt].reduce<string>(
    (newest, time) => (time !== undefined && Date.parse(time) > Date.parse(newest) ? time : newest),
    createdAt,
  );
  return { createdAt, updatedAt, ...(lastMessageAt ? { lastMessageAt } : {}) };
}

/**
 * The user's unread threads as `GET /unread` lists them:
 * `{total_unread_threads_count, threads: [{parent_message_id, last_read, last_read_message_id, unread_count}]}`.
 */
export function unreadThreadsSummary(store: ChatStore, userId: string): Record<string, unknown> {
  const threads: Record<string, unknown>[] = [];
  for (const { channel, parent } of threadsOfUser(store, userId)) {
    const read = readOf(store, repliesOf(channel, parent), parent.id, userId);
    if (read.unreadMessages > 0) {
      threads.push({
        parent_message_id: parent.id,
        last_read: read.lastRead,
        ...(read.lastReadMessageId ? { last_read_message_id: read.lastReadMessageId } : {}),
        unread_count: read.unreadMessages,
      });
    }
  }
  return { total_unread_threads_count: threads.length, threads };
}
