import { notAllowedError } from '../../protocol/api-error';
import { EmulatorFeature } from '../emulator-feature';
import { SUSPENDED_TEXT, activeBan, activeChannelBan, canBanIn } from './bans';
import { bansSlice } from './bans-slice';
import { banRoutes } from './ban-routes';

/**
 * Bans: app-wide and channel bans, shadow bans, timeouts, `user.banned`/`user.unbanned`,
 * `queryBannedUsers`; banned users' messages are refused, shadow-banned users' are marked.
 */
export const bansFeature: EmulatorFeature = {
  name: 'bans',
  slices: [bansSlice],
  routes: banRoutes,
  beforeSendMessage: (services, { actor, channel, message }) => {
    const ban = activeBan(services.store, actor.userId, channel.cid);
    if (!ban) {
      return;
    }
    if (!ban.shadow) {
      throw notAllowedError(SUSPENDED_TEXT);
    }
    services.store.slice(bansSlice).shadowedMessageIds.add(message.id);
  },
  messageFields: (context, message, viewerId) =>
    context.store.slice(bansSlice).shadowedMessageIds.has(message.id) && viewerId !== message.userId
      ? { shadowed: true }
      : {},
  memberFields: (context, channel, member) => {
    const ban = activeBan(context.store, member.userId, channel.cid);
    const channelBan = activeChannelBan(context.store, member.userId, channel.cid);
    return {
      banned: ban !== undefined && !ban.shadow,
      shadow_banned: ban?.shadow === true,
      ...(channelBan?.expires ? { ban_expires: channelBan.expires } : {}),
    };
  },
  userFields: (context, user) =>
    user.banned && !activeBan(context.store, user.id) ? { banned: false } : {},
  capabilities: (_context, caller, channel) =>
    canBanIn(caller, channel) ? ['ban-channel-members'] : [],
};
