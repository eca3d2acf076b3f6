import { notAllowedError } from '../../protocol/api-error';
import { JsonObject, optionalBoolean } from '../../protocol/body-fields';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { actingUser, namedUserId, requireChannel } from '../../http/routes/channel-access';
import { channelEventBase } from '../../fanout/channel-event-base';
import { channelResponse } from '../../responses/channel-responses';
import { userResponse } from '../../responses/user-responses';
import { ChatServices } from '../../services/emulator-services';
import { ChannelRecord } from '../../store/model';
import { ensureHiddenState, hiddenChannelsSlice } from './hidden-channels-slice';

/** The member acting on their own view of the channel. @throws ApiError code 17 for non-members. */
function actingMember(
  context: RouteContext,
  action: string,
): { channel: ChannelRecord; userId: string } {
  const channel = requireChannel(context);
  const user = actingUser(context, namedUserId(context.body), action);
  if (!channel.members.has(user.userId)) {
    throw notAllowedError(
      `User '${user.userId}' is not allowed to perform action ${action} in scope '${channel.type}': not a member`,
    );
  }
  return { channel, userId: user.userId };
}

/** A `channel.hidden` / `channel.visible` event for the member's connections. */
export function sendVisibilityEvent(
  services: ChatServices,
  channel: ChannelRecord,
  userId: string,
  type: 'channel.hidden' | 'channel.visible',
  extra: Record<string, unknown> = {},
): void {
  const role = services.store.users.get(userId)?.role ?? 'user';
  services.fanout.sendToUser(userId, {
    type,
    ...channelEventBase(channel),
    channel: channelResponse(services, channel, { kind: 'user', userId, role }),
    user: userResponse(services, userId),
    ...extra,
    created_at: services.store.clock.next(),
  });
}

/**
 * `POST /channels/{type}/{id}/hide`: hides the channel from the member's channel list until
 * a new message arrives; `clear_history` also hides every message so far from them.
 */
function hideChannel(context: RouteContext): JsonObject {
  const { services } = context;
  const clearHistory = optionalBoolean(context.body, 'clear_history') ?? false;
  const { channel, userId } = actingMember(context, 'HideChannel');
  const entry = ensureHiddenState(services.store.slice(hiddenChannelsSlice), channel.cid, userId);
  entry.hidden = true;
  if (clearHistory) {
    entry.messagesBefore = services.store.clock.next();
  }
  services.store.changed();
  sendVisibilityEvent(services, channel, userId, 'channel.hidden', {
    clear_history: clearHistory,
  });
  return {};
}

/** `POST /channels/{type}/{id}/show`: lists the channel for the member again. */
function showChannel(context: RouteContext): JsonObject {
  const { services } = context;
  const { channel, userId } = actingMember(context, 'ShowChannel');
  ensureHiddenState(services.store.slice(hiddenChannelsSlice), channel.cid, userId).hidden = false;
  services.store.changed();
  sendVisibilityEvent(services, channel, userId, 'channel.visible');
  return {};
}

/** Hide and show endpoints. */
export const hideShowRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/channels/:type/:id/hide',
    operation: 'HideChannel',
    auth: 'caller',
    status: 201,
    handle: hideChannel,
  },
  {
    method: 'POST',
    path: '/channels/:type/:id/show',
    operation: 'ShowChannel',
    auth: 'caller',
    status: 201,
    handle: showChannel,
  },
];
