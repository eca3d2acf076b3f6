import { Caller, isAdmin } from '../../auth/caller';
import { ApiError, ErrorCode, doesNotExistError, notAllowedError } from '../../protocol/api-error';
import { userResponse } from '../../responses/user-responses';
import { ChatServices } from '../../services/emulator-services';
import { ChatStore } from '../../store/chat-store';
import { ChannelRecord } from '../../store/model';
import { channelEventBase } from '../../fanout/channel-event-base';
import { Ban, BanState, banKey, bansSlice, isBanActive } from './bans-slice';

/** What Stream answers a banned user who sends (stream-chat-flutter#888). */
export const SUSPENDED_TEXT =
  'Sorry, you do not have access to this feature. Your account is currently suspended from chat.';

/** Longest ban `timeout`, in minutes (ten years). */
export const MAX_BAN_MINUTES = 5_256_000;

/** A ban request, after its fields were read. */
export interface BanRequest {
  targetId: string;
  /** The channel; an app-wide ban when absent. */
  channel?: ChannelRecord;
  timeoutMinutes?: number;
  reason?: string;
  shadow: boolean;
  /** Who bans: the acting user, or `banned_by_id` for server-side calls. */
  bannedById?: string;
}

/** Whether the caller may ban in this channel: admins, the server and the channel's moderators. */
export function canBanIn(caller: Caller, channel: ChannelRecord): boolean {
  return (
    isAdmin(caller) ||
    (caller.kind === 'user' &&
      channel.members.get(caller.userId)?.channelRole === 'channel_moderator')
  );
}

/**
 * The ban in force on the user in this channel: app-wide first, then the channel's.
 * A user stored with `banned: true` and no ban record (a seed) counts as banned app-wide.
 */
export function activeBan(store: ChatStore, userId: string, cid?: string): Ban | undefined {
  const state = store.slice(bansSlice);
  const global = state.bans.get(banKey(userId, undefined));
  if (global && isBanActive(global)) {
    return global;
  }
  if (!global && store.users.get(userId)?.banned) {
    return { userId, shadow: false, createdAt: store.users.get(userId)?.createdAt ?? '' };
  }
  const local = cid ? state.bans.get(banKey(userId, cid)) : undefined;
  return local && isBanActive(local) ? local : undefined;
}

/** The channel-scoped ban in force on a member, if any. */
export function activeChannelBan(store: ChatStore, userId: string, cid: string): Ban | undefined {
  const ban = store.slice(bansSlice).bans.get(banKey(userId, cid));
  return ban && isBanActive(ban) ? ban : undefined;
}

/**
 * Bans a user, app-wide or in one channel, replacing any ban of the same scope, and tells
 * clients (`user.banned`; `user.updated` for app-wide bans).
 * @throws ApiError code 17 when the caller may not ban there, 16 for an unknown user, 4 for
 * banning oneself.
 */
export function banUser(services: ChatServices, caller: Caller, request: BanRequest): Ban {
  const { store } = services;
  const { channel } = request;
  if (channel ? !canBanIn(caller, channel) : !isAdmin(caller)) {
    throw notAllowedError(
      channel
        ? `you are not allowed to ban members of channel ${channel.cid}: it takes an admin or a channel moderator`
        : 'only admins and server-side calls may ban users app-wide',
    );
  }
  if (!store.users.get(request.targetId)) {
    throw doesNotExistError(`target user ${request.targetId} does not exist`);
  }
  if (caller.kind === 'user' && caller.userId === request.targetId) {
    throw new ApiError(ErrorCode.input, 400, 'you cannot ban yourself');
  }
  const now = store.clock.next();
  const ban: Ban = {
    userId: request.targetId,
    cid: channel?.cid,
    bannedById: request.bannedById,
    reason: request.reason,
    shadow: request.shadow,
    createdAt: now,
    expires:
      request.timeoutMinutes === undefined
        ? undefined
        : new Date(Date.parse(now) + request.timeoutMinutes * 60_000).toISOString(),
  };
  store.slice(bansSlice).bans.set(banKey(ban.userId, ban.cid), ban);
  if (!channel && !ban.shadow) {
    setUserBanned(store, ban.userId, true);
  }
  store.changed();
  announce(services, 'user.banned', ban);
  return ban;
}

/**
 * Lifts a user's ban (or shadow ban) of one scope and sends `user.unbanned`.
 * Lifting a ban that does not exist changes nothing and sends nothing.
 * @throws ApiError code 17 when the caller may not ban there.
 */
export function unbanUser(
  services: ChatServices,
  caller: Caller,
  targetId: string,
  channel: ChannelRecord | undefined,
): void {
  const { store } = services;
  if (channel ? !canBanIn(caller, channel) : !isAdmin(caller)) {
    throw notAllowedError(
      channel
        ? `you are not allowed to unban members of channel ${channel.cid}: it takes an admin or a channel moderator`
        : 'only admins and server-side calls may lift app-wide bans',
    );
  }
  if (!store.users.get(targetId)) {
    throw doesNotExistError(`target user ${targetId} does not exist`);
  }
  const state: BanState = store.slice(bansSlice);
  const key = banKey(targetId, channel?.cid);
  const ban = state.bans.get(key);
  const seedBanned = !channel && store.users.get(targetId)?.banned === true;
  if (!ban && !seedBanned) {
    return;
  }
  state.bans.delete(key);
  if (!channel) {
    setUserBanned(store, targetId, false);
  }
  store.changed();
  announce(services, 'user.unbanned', ban ?? { userId: targetId, shadow: false, createdAt: '' });
}

/** Keeps the core user record's `banned` in step with app-wide bans. */
function setUserBanned(store: ChatStore, userId: string, banned: boolean): void {
  const user = store.users.get(userId);
  if (user && user.banned !== banned) {
    user.banned = banned;
    user.updatedAt = store.clock.next();
    store.changes.user(userId);
  }
}

/**
 * `user.banned` / `user.unbanned`: a channel ban goes to the channel's watchers; an app-wide
 * ban to the user's connections, to the watchers of each of the user's channels (with that
 * channel's `cid`, so the client updates the member) and as `user.updated` to the user's
 * connections and presence subscribers.
 */
function announce(services: ChatServices, type: 'user.banned' | 'user.unbanned', ban: Ban): void {
  const { store, fanout } = services;
  const fields = {
    type,
    user: userResponse(services, ban.userId),
    shadow: ban.shadow,
    ...(type === 'user.banned' && ban.reason !== undefined ? { reason: ban.reason } : {}),
    ...(type === 'user.banned' && ban.expires ? { expiration: ban.expires } : {}),
    ...(type === 'user.banned' && ban.bannedById
      ? { created_by: userResponse(services, ban.bannedById) }
      : {}),
    created_at: store.clock.next(),
  };
  const channel = ban.cid ? store.getChannel(ban.cid) : undefined;
  if (channel) {
    fanout.sendToWatchers(channel, { ...fields, ...channelEventBase(channel) });
    return;
  }
  fanout.sendToUser(ban.userId, fields);
  for (const cid of store.channelIdsOf(ban.userId)) {
    const memberChannel = store.getChannel(cid);
    if (memberChannel) {
      fanout.sendToWatchers(memberChannel, { ...fields, ...channelEventBase(memberChannel) });
    }
  }
  if (!ban.shadow) {
    services.presence.announceUpdate(ban.userId);
  }
}
