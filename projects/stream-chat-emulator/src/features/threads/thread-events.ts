import { Caller } from '../../auth/caller';
import { channelEventBase } from '../../fanout/channel-event-base';
import { doesNotExistError, inputError, notAllowedError } from '../../protocol/api-error';
import { channelResponse } from '../../responses/channel-responses';
import { messageResponse } from '../../responses/message-responses';
import { unreadCounters, userResponse } from '../../responses/user-responses';
import { ChatServices } from '../../services/emulator-services';
import { DeletedMessage, SentMessage, ThreadReadRequest } from '../../services/service-hooks';
import { findChannelType } from '../../store/channel-types';
import { messageIndexOf } from '../../store/message-index';
import { MessageRecord } from '../../store/model';
import {
  isThreadParent,
  participantIds,
  readOf,
  repliesOf,
  setRead,
  unreadThreadCounts,
} from './thread-model';
import { EVENT_THREAD_LIMITS, threadResponse } from './thread-responses';
import { threadsSlice } from './thread-slice';

/** `unread_threads` and `unread_thread_messages` of a user, as events carry them. */
function threadCounters(services: ChatServices, userId: string): Record<string, number> {
  const counts = unreadThreadCounts(services.store, userId);
  return {
    unread_threads: counts.unreadThreads,
    unread_thread_messages: counts.unreadThreadMessages,
  };
}

function userCaller(services: ChatServices, userId: string): Caller {
  return { kind: 'user', userId, role: services.store.users.get(userId)?.role ?? 'user' };
}

/**
 * After a reply: the replier has read the thread up to the reply; the parent's
 * `message.updated` (new `reply_count`, `thread_participants`) goes to watchers;
 * `notification.thread_message_new` goes to every other participant who is a member, on
 * all their connections.
 */
export function replySent(services: ChatServices, sent: SentMessage): void {
  const { channel, message: reply } = sent;
  const parent = reply.parentId ? services.store.getMessage(reply.parentId) : undefined;
  if (!parent) {
    return;
  }
  setRead(services.store, parent.id, reply.userId, {
    lastRead: reply.createdAt,
    lastReadMessageId: reply.id,
  });
  services.fanout.messageChanged(channel, parent, 'message.updated');
  const participants = participantIds(parent);
  const wireReply = messageResponse(services, reply);
  const shared = {
    type: 'notification.thread_message_new',
    ...channelEventBase(channel),
    message: wireReply,
    message_id: reply.id,
    thread_id: parent.id,
    parent_author: userResponse(services, parent.userId),
    thread_participants: participants.map((userId) => userResponse(services, userId)),
    watcher_count: services.sessions.watcherCount(channel.cid),
    user: wireReply['user'],
    created_at: reply.createdAt,
  };
  for (const userId of participants) {
    if (userId === reply.userId || !channel.members.has(userId)) {
      continue;
    }
    services.fanout.sendToUser(userId, {
      ...shared,
      channel: channelResponse(services, channel, userCaller(services, userId)),
      ...unreadCounters(services, userId),
      ...threadCounters(services, userId),
    });
  }
}

/**
 * After a reply was deleted (its parent's `reply_count` already lowered by the store): a
 * soft delete counts in the parent's `deleted_reply_count`; the parent's `message.updated`
 * goes to watchers.
 */
export function replyDeleted(services: ChatServices, deleted: DeletedMessage): void {
  const { channel, message, hard } = deleted;
  const parent = message.parentId ? services.store.getMessage(message.parentId) : undefined;
  if (!parent) {
    return;
  }
  if (!hard) {
    const counts = services.store.slice(threadsSlice).deletedReplies;
    counts.set(parent.id, (counts.get(parent.id) ?? 0) + 1);
    services.store.changed();
  }
  services.fanout.messageChanged(channel, parent, 'message.updated');
}

/**
 * The parent of the thread named by a read request, in the request's channel.
 * @throws ApiError code 16 (no such thread in the channel), 17 (reader not a member).
 */
function requestedThread(request: ThreadReadRequest): MessageRecord {
  const { channel, reader, threadId } = request;
  const parent = messageIndexOf(channel).get(threadId);
  if (!parent || !isThreadParent(parent)) {
    throw doesNotExistError(`thread ${threadId} does not exist in channel ${channel.cid}`);
  }
  if (!channel.members.has(reader.userId)) {
    throw notAllowedError(`User '${reader.userId}' is not a member of ${channel.cid}`);
  }
  return parent;
}

/**
 * `markRead` with `thread_id`: the reader has read the thread up to its last reply; the
 * channel's read state is left alone. `message.read` with `thread` goes to watchers (when
 * the type has read events), `notification.mark_read` with `thread_id` and the thread
 * counters to the reader's connections.
 * @returns the response body `{event}`.
 */
export function markThreadRead(
  services: ChatServices,
  request: ThreadReadRequest,
): Record<string, unknown> {
  const parent = requestedThread(request);
  const { channel, reader } = request;
  const lastReply = repliesOf(channel, parent).at(-1);
  const now = services.store.clock.next();
  setRead(services.store, parent.id, reader.userId, {
    lastRead: now,
    ...(lastReply ? { lastReadMessageId: lastReply.id } : {}),
  });
  const base = {
    ...channelEventBase(channel),
    user: userResponse(services, reader.userId),
    created_at: now,
    ...(lastReply ? { last_read_message_id: lastReply.id } : {}),
  };
  const event = {
    type: 'message.read',
    ...base,
    thread: threadResponse(services, channel, parent, undefined, EVENT_THREAD_LIMITS),
  };
  if (findChannelType(channel.type)?.readEvents) {
    services.fanout.sendToWatchers(channel, event);
  }
  services.fanout.sendToUser(reader.userId, {
    type: 'notification.mark_read',
    ...base,
    thread_id: parent.id,
    ...unreadCounters(services, reader.userId),
    ...threadCounters(services, reader.userId),
  });
  return { event };
}

/**
 * `markUnread` with `thread_id` and `message_id` (a reply of the thread): the thread is
 * unread from that reply on for the reader; `notification.mark_unread` with `thread_id`
 * goes to the reader's connections. The channel's read state is left alone.
 * @throws ApiError code 4 without `message_id`, with `message_timestamp`, or when the
 * message is not a reply of the thread.
 */
export function markThreadUnread(
  services: ChatServices,
  request: ThreadReadRequest,
): Record<string, unknown> {
  const parent = requestedThread(request);
  const { channel, reader, body } = request;
  if (body['message_timestamp'] !== undefined) {
    throw inputError(
      'message_timestamp is not supported by the emulator for threads; send message_id',
    );
  }
  const messageId = body['message_id'];
  if (typeof messageId !== 'string') {
    throw inputError('message_id is a required field when marking a thread unread');
  }
  const replies = repliesOf(channel, parent);
  const index = replies.findIndex((reply) => reply.id === messageId);
  if (index < 0) {
    throw inputError(`message ${messageId} is not a reply of thread ${parent.id}`);
  }
  const previous = index > 0 ? replies[index - 1] : undefined;
  const lastRead = previous?.createdAt ?? parent.createdAt;
  setRead(services.store, parent.id, reader.userId, {
    lastRead,
    ...(previous ? { lastReadMessageId: previous.id } : {}),
  });
  const read = readOf(services.store, replies, parent.id, reader.userId);
  services.fanout.sendToUser(reader.userId, {
    type: 'notification.mark_unread',
    ...channelEventBase(channel),
    user: userResponse(services, reader.userId),
    created_at: services.store.clock.next(),
    thread_id: parent.id,
    first_unread_message_id: messageId,
    last_read_at: lastRead,
    ...(previous ? { last_read_message_id: previous.id } : {}),
    unread_messages: read.unreadMessages,
    ...unreadCounters(services, reader.userId),
    ...threadCounters(services, reader.userId),
  });
  return {};
}
