import { ApiError, ErrorCode, inputError, notAllowedError } from '../../protocol/api-error';
import { channelEventBase } from '../../fanout/channel-event-base';
import { extensionFields } from '../../responses/response-extensions';
import { userResponse } from '../../responses/user-responses';
import { findChannelType } from '../../store/channel-types';
import { tracksReadState } from '../../store/read-states';
import {
  JsonObject,
  optionalString,
  requiredObject,
  requiredString,
} from '../../protocol/body-fields';
import { ThreadReadRequest } from '../../services/service-hooks';
import { RouteContext, RouteDefinition } from '../route-table';
import {
  actingUser,
  namedUserId,
  requireChannel,
  requireReadable,
  requireWritable,
} from './channel-access';

/** Event types clients may not send: they describe server-side changes. */
const SERVER_ONLY_EVENT_PREFIXES = [
  'message.',
  'channel.',
  'member.',
  'notification.',
  'user.',
  'health.',
  'connection.',
  'reaction.',
];

/**
 * `POST /channels/{type}/{id}/read`: the caller (or the server's `user_id`) has read the
 * channel. Members' read state is reset; `message.read` goes to watchers and
 * `notification.mark_read` to the reader's connections.
 */
function markRead(context: RouteContext): JsonObject {
  const { services } = context;
  const channel = requireChannel(context);
  const reader = actingUser(context, namedUserId(context.body), 'ReadChannel');
  requireReadable(reader, channel);
  const threadId = optionalString(context.body, 'thread_id');
  if (threadId !== undefined) {
    return threadRead(context, 'markThreadRead', { reader, channel, threadId, body: context.body });
  }
  optionalString(context.body, 'message_id');
  const read = services.store.markRead(channel, reader.userId);
  const createdAt = read?.lastRead ?? services.store.clock.next();
  if (read && tracksReadState(channel)) {
    services.fanout.read(channel, reader.userId, read);
  }
  return {
    event: {
      type: 'message.read',
      ...channelEventBase(channel),
      user: userResponse(services, reader.userId),
      created_at: createdAt,
      ...(read?.lastReadMessageId ? { last_read_message_id: read.lastReadMessageId } : {}),
    },
  };
}

/**
 * `POST /channels/{type}/{id}/unread`: marks messages from `message_id` on as unread for
 * the caller, and sends `notification.mark_unread` to the caller's connections.
 */
function markUnread(context: RouteContext): JsonObject {
  const { services } = context;
  const channel = requireChannel(context);
  const reader = actingUser(context, namedUserId(context.body), 'ReadChannel');
  requireReadable(reader, channel);
  const threadId = optionalString(context.body, 'thread_id');
  if (threadId !== undefined) {
    return threadRead(context, 'markThreadUnread', {
      reader,
      channel,
      threadId,
      body: context.body,
    });
  }
  const messageId = requiredString(context.body, 'message_id');
  if (!channel.members.has(reader.userId)) {
    throw notAllowedError(`User '${reader.userId}' is not a member of ${channel.cid}`);
  }
  const result = services.store.markUnread(channel, reader.userId, messageId);
  if (!result) {
    throw inputError(`message ${messageId} is not a message of ${channel.cid}`);
  }
  services.fanout.markUnread(channel, reader.userId, result.read, result.firstUnread.id);
  return {};
}

/**
 * A read or unread request naming a thread, handled by the feature that keeps thread read
 * state. @throws ApiError code 4 when no feature does.
 */
function threadRead(
  context: RouteContext,
  hook: 'markThreadRead' | 'markThreadUnread',
  request: ThreadReadRequest,
): JsonObject {
  for (const hooks of context.services.hooks) {
    const handled = hooks[hook]?.(context.services, request);
    if (handled) {
      return handled;
    }
  }
  throw inputError('thread_id: thread read state is not supported by the emulator');
}

/**
 * `POST /channels/read`: marks every channel of the caller read (`markAllRead`).
 */
function markAllRead(context: RouteContext): JsonObject {
  const { services } = context;
  const reader = actingUser(context, namedUserId(context.body), 'ReadChannel');
  for (const cid of services.store.channelIdsOf(reader.userId)) {
    const channel = services.store.getChannel(cid);
    const read = channel && services.store.markRead(channel, reader.userId);
    if (channel && read && tracksReadState(channel)) {
      services.fanout.read(channel, reader.userId, read);
    }
  }
  return {};
}

/**
 * `POST /channels/{type}/{id}/event`: relays `typing.start`, `typing.stop` and custom
 * events to the channel's watchers (the sender's connections included), with `user`,
 * `cid`, `channel_id`, `channel_type` and `created_at` filled in.
 */
function sendEvent(context: RouteContext): JsonObject {
  const { services } = context;
  const channel = requireChannel(context);
  const event = requiredObject(context.body, 'event');
  const type = requiredString(event, 'type');
  const sender = actingUser(context, namedUserId(event), 'SendEvent');
  requireWritable(sender, channel, 'SendEvent');
  const isTyping = type === 'typing.start' || type === 'typing.stop';
  if (isTyping && !findChannelType(channel.type)?.typingEvents) {
    throw new ApiError(
      ErrorCode.eventNotSupported,
      400,
      `typing events are disabled for channel type ${channel.type}`,
    );
  }
  if (
    !isTyping &&
    (type.startsWith('typing.') ||
      SERVER_ONLY_EVENT_PREFIXES.some((prefix) => type.startsWith(prefix)))
  ) {
    throw new ApiError(
      ErrorCode.eventNotSupported,
      400,
      `event type ${type} cannot be sent by clients`,
    );
  }
  const parentId = optionalString(event, 'parent_id');
  const custom: JsonObject = { ...event };
  delete custom['user_id'];
  delete custom['user'];
  const enriched = {
    ...custom,
    type,
    ...channelEventBase(channel),
    user: userResponse(services, sender.userId),
    created_at: services.store.clock.next(),
    ...(parentId ? { parent_id: parentId } : {}),
  };
  services.fanout.channelEvent(channel, enriched);
  return { event: enriched };
}

/** `GET /unread`: the caller's unread counts per channel and in total. */
function unreadCounts(context: RouteContext): JsonObject {
  const { services } = context;
  const reader = actingUser(context, context.query.get('user_id') ?? undefined, 'GetUnreadCount');
  const channels: JsonObject[] = [];
  const byType = new Map<string, { channel_count: number; unread_count: number }>();
  for (const cid of services.store.channelIdsOf(reader.userId)) {
    const channel = services.store.getChannel(cid);
    if (!channel || !tracksReadState(channel)) {
      continue;
    }
    const read = services.store.readStateOf(channel, reader.userId);
    if (read.unreadMessages > 0) {
      channels.push({
        channel_id: cid,
        last_read: read.lastRead,
        unread_count: read.unreadMessages,
      });
      const totals = byType.get(channel.type) ?? { channel_count: 0, unread_count: 0 };
      totals.channel_count++;
      totals.unread_count += read.unreadMessages;
      byType.set(channel.type, totals);
    }
  }
  const summary = services.store.unreadSummary(reader.userId);
  return {
    total_unread_count: summary.totalUnreadCount,
    total_unread_threads_count: 0,
    channels,
    channel_type: [...byType.entries()].map(([channelType, totals]) => ({
      channel_type: channelType,
      ...totals,
    })),
    threads: [],
    ...extensionFields(
      services.responseExtensions,
      (extension) => extension.unreadCountFields,
      services,
      reader.userId,
    ),
  };
}

/** Read state, typing and custom event endpoints. */
export const readEventRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/channels/read',
    operation: 'MarkAllRead',
    auth: 'caller',
    handle: markAllRead,
  },
  {
    method: 'POST',
    path: '/channels/:type/:id/read',
    operation: 'MarkRead',
    auth: 'caller',
    handle: markRead,
  },
  {
    method: 'POST',
    path: '/channels/:type/:id/unread',
    operation: 'MarkUnread',
    auth: 'caller',
    handle: markUnread,
  },
  {
    method: 'POST',
    path: '/channels/:type/:id/event',
    operation: 'SendEvent',
    changesNothing: true,
    auth: 'caller',
    status: 201,
    handle: sendEvent,
  },
  {
    method: 'GET',
    path: '/unread',
    operation: 'UnreadCounts',
    auth: 'caller',
    handle: unreadCounts,
  },
];
