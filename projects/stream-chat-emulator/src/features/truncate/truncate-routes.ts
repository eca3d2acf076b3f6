import { randomUUID } from 'node:crypto';
import { canModerateChannel } from '../../auth/channel-permissions';
import { Caller, callerUserId } from '../../auth/caller';
import { inputError, notAllowedError } from '../../protocol/api-error';
import {
  JsonObject,
  optionalBoolean,
  optionalObject,
  optionalString,
} from '../../protocol/body-fields';
import { isMessageId } from '../../protocol/identifiers';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { actingUser, namedUserId, requireChannel } from '../../http/routes/channel-access';
import { readMessageContent } from '../../http/routes/message-content';
import { channelEventBase } from '../../fanout/channel-event-base';
import { channelResponse } from '../../responses/channel-responses';
import { messageResponse } from '../../responses/message-responses';
import { unreadCounters, userResponse } from '../../responses/user-responses';
import { NewMessage } from '../../store/chat-store';
import { ChannelRecord, MessageRecord } from '../../store/model';
import { truncationsSlice } from './truncations-slice';

/** @throws ApiError code 17 unless the caller moderates the channel. */
function requireTruncatable(caller: Caller, channel: ChannelRecord): void {
  if (!canModerateChannel(caller, channel)) {
    throw notAllowedError(
      `${callerUserId(caller) ?? 'caller'} is not allowed to perform action TruncateChannel in scope '${channel.type}'`,
    );
  }
}

/**
 * `truncated_at`: a time no later than now; now when missing.
 * @throws ApiError code 4 for anything that is not such a time.
 */
function truncationTime(context: RouteContext): string | undefined {
  const value = optionalString(context.body, 'truncated_at');
  if (value === undefined) {
    return undefined;
  }
  const time = Date.parse(value);
  if (!Number.isFinite(time) || time > Date.now()) {
    throw inputError(`truncated_at "${value}" must be a time no later than now`);
  }
  return new Date(time).toISOString();
}

/**
 * The optional system `message` added after the truncation, checked: its sender is the
 * message's `user_id`/`user`, else the acting user. @throws ApiError code 4 or 17.
 */
function systemMessage(context: RouteContext, actorId: string | undefined): NewMessage | undefined {
  const message = optionalObject(context.body, 'message');
  if (!message) {
    return undefined;
  }
  const sender = actingUser(context, namedUserId(message) ?? actorId, 'TruncateChannel');
  const id = optionalString(message, 'id') ?? randomUUID();
  if (!isMessageId(id)) {
    throw inputError(`message.id "${id}" is not valid: it must match /^[\\w!-]{1,255}$/`);
  }
  if (context.services.store.getMessage(id)) {
    throw inputError(`a message with ID ${id} already exists`);
  }
  const content = readMessageContent(context, message);
  return { ...content, id, userId: sender.userId, type: 'system' };
}

/** `channel.truncated` to watchers, `notification.channel_truncated` to members' connections. */
function announce(
  context: RouteContext,
  channel: ChannelRecord,
  actorId: string | undefined,
  added: MessageRecord | undefined,
): void {
  const { services } = context;
  const base = {
    ...channelEventBase(channel),
    channel: channelResponse(services, channel),
    ...(added ? { message: messageResponse(services, added) } : {}),
    ...(actorId ? { user: userResponse(services, actorId) } : {}),
    created_at: services.store.clock.next(),
  };
  services.fanout.sendToWatchers(channel, { type: 'channel.truncated', ...base });
  for (const userId of channel.members.keys()) {
    services.fanout.sendToUser(userId, {
      type: 'notification.channel_truncated',
      ...base,
      ...unreadCounters(services, userId),
    });
  }
}

/**
 * `POST /channels/{type}/{id}/truncate`: removes every message created before
 * `truncated_at` (default now) for everyone, `hard_delete` or not; adds the optional
 * system `message`; answers `{channel, message?}`.
 */
function truncateChannel(context: RouteContext): JsonObject {
  const { services, body, caller } = context;
  const channel = requireChannel(context);
  requireTruncatable(caller, channel);
  const named = namedUserId(body);
  const actorId =
    caller.kind === 'server' && named === undefined
      ? undefined
      : actingUser(context, named, 'TruncateChannel').userId;
  if (body['member_ids'] !== undefined) {
    throw inputError(
      'member_ids (truncating for some members only) is not supported by the emulator',
    );
  }
  optionalBoolean(body, 'hard_delete');
  optionalBoolean(body, 'skip_push');
  const before = truncationTime(context);
  const toAdd = systemMessage(context, actorId);
  const truncatedAt = before ?? services.store.clock.next();
  services.store.truncateChannel(channel, truncatedAt);
  services.store.slice(truncationsSlice).set(channel.cid, { truncatedAt, truncatedById: actorId });
  services.store.changed();
  const added = toAdd ? services.store.addMessage(channel, toAdd) : undefined;
  announce(context, channel, actorId, added);
  return {
    channel: channelResponse(services, channel, caller),
    ...(added ? { message: messageResponse(services, added, callerUserId(caller)) } : {}),
  };
}

/** The truncate endpoint. */
export const truncateRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/channels/:type/:id/truncate',
    operation: 'TruncateChannel',
    auth: 'caller',
    status: 201,
    handle: truncateChannel,
  },
];
