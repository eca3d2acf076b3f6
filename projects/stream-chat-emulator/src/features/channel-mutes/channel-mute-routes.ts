import { canReadChannel } from '../../auth/channel-permissions';
import { doesNotExistError, inputError, notAllowedError } from '../../protocol/api-error';
import {
  JsonObject,
  optionalInteger,
  optionalString,
  optionalStringArray,
} from '../../protocol/body-fields';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { actingUser, namedUserId } from '../../http/routes/channel-access';
import { channelResponse } from '../../responses/channel-responses';
import { ownUserResponse, userResponse } from '../../responses/user-responses';
import { WireContext } from '../../responses/wire-context';
import { ChannelRecord } from '../../store/model';
import { ChannelMuteRecord, channelMutesSlice } from './channel-mutes-slice';

/** Longest mute accepted, in milliseconds (about ten years). */
const MAX_EXPIRATION_MS = 10 * 365 * 24 * 3600 * 1000;

/** A `ChannelMute` as the client reads it (`channel.cid`, `expires`). */
export function channelMuteResponse(
  context: WireContext,
  userId: string,
  channel: ChannelRecord,
  mute: ChannelMuteRecord,
): JsonObject {
  return {
    user: userResponse(context, userId),
    channel: channelResponse(context, channel),
    created_at: mute.createdAt,
    updated_at: mute.updatedAt,
    ...(mute.expires ? { expires: mute.expires } : {}),
  };
}

/**
 * The channels a mute request names (`channel_cid` as the client sends it, or
 * `channel_cids`), each existing and readable by the user.
 * @throws ApiError code 4 without any, code 16 for unknown channels, 17 for unreadable ones.
 */
function namedChannels(
  context: RouteContext,
  user: ReturnType<typeof actingUser>,
  action: string,
): ChannelRecord[] {
  const single = optionalString(context.body, 'channel_cid');
  const cids = [
    ...(single === undefined ? [] : [single]),
    ...(optionalStringArray(context.body, 'channel_cids') ?? []),
  ];
  if (cids.length === 0) {
    throw inputError('channel_cid or channel_cids is required');
  }
  return [...new Set(cids)].map((cid) => {
    const channel = context.services.store.getChannel(cid);
    if (!channel) {
      throw doesNotExistError(`channel "${cid}" does not exist`);
    }
    if (!canReadChannel(user, channel)) {
      throw notAllowedError(
        `User '${user.userId}' is not allowed to perform action ${action} in scope '${channel.type}'`,
      );
    }
    return channel;
  });
}

/** `notification.channel_mutes_updated` with the fresh `me` to the user's connections. */
function announce(context: RouteContext, userId: string): JsonObject {
  const me = ownUserResponse(context.services, userId);
  context.services.fanout.sendToUser(userId, {
    type: 'notification.channel_mutes_updated',
    me,
    created_at: context.services.store.clock.next(),
  });
  return me;
}

/**
 * `POST /moderation/mute/channel`: mutes the channels for the user, `expiration` in
 * milliseconds; answers `{channel_mute, channel_mutes, own_user}`.
 */
function muteChannel(context: RouteContext): JsonObject {
  const { services, body } = context;
  const user = actingUser(context, namedUserId(body), 'MuteChannel');
  const channels = namedChannels(context, user, 'MuteChannel');
  const expiration = optionalInteger(body, 'expiration', 1, MAX_EXPIRATION_MS);
  const state = services.store.slice(channelMutesSlice);
  let byCid = state.get(user.userId);
  if (!byCid) {
    byCid = new Map();
    state.set(user.userId, byCid);
  }
  const now = services.store.clock.next();
  const expires =
    expiration === undefined ? undefined : new Date(Date.parse(now) + expiration).toISOString();
  const mutes = channels.map((channel) => {
    const mute: ChannelMuteRecord = {
      createdAt: byCid.get(channel.cid)?.createdAt ?? now,
      updatedAt: now,
      expires,
    };
    byCid.set(channel.cid, mute);
    return channelMuteResponse(services, user.userId, channel, mute);
  });
  services.store.changed();
  const me = announce(context, user.userId);
  return { channel_mute: mutes[0], channel_mutes: mutes, own_user: me };
}

/** `POST /moderation/unmute/channel`: ends the user's mutes of the channels. */
function unmuteChannel(context: RouteContext): JsonObject {
  const { services, body } = context;
  const user = actingUser(context, namedUserId(body), 'UnmuteChannel');
  const channels = namedChannels(context, user, 'UnmuteChannel');
  const byCid = services.store.slice(channelMutesSlice).get(user.userId);
  for (const channel of channels) {
    byCid?.delete(channel.cid);
  }
  services.store.changed();
  announce(context, user.userId);
  return {};
}

/** Channel mute endpoints. */
export const channelMuteRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/moderation/mute/channel',
    operation: 'MuteChannel',
    auth: 'caller',
    status: 201,
    handle: muteChannel,
  },
  {
    method: 'POST',
    path: '/moderation/unmute/channel',
    operation: 'UnmuteChannel',
    auth: 'caller',
    status: 201,
    handle: unmuteChannel,
  },
];
