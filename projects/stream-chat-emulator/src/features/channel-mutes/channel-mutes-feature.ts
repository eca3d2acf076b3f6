import { callerUserId } from '../../auth/caller';
import { EmulatorFeature } from '../emulator-feature';
import { channelMuteResponse, channelMuteRoutes } from './channel-mute-routes';
import { activeChannelMute, activeChannelMutes, channelMutesSlice } from './channel-mutes-slice';

/**
 * Channel mutes: `channel.mute()` / `unmute()`, `me.channel_mutes` (what `muteStatus()`
 * reads), `muted` in the muter's channel responses and filters, no unread increments.
 */
export const channelMutesFeature: EmulatorFeature = {
  name: 'channel-mutes',
  slices: [channelMutesSlice],
  routes: channelMuteRoutes,
  ownUserFields: (context, userId) => ({
    channel_mutes: activeChannelMutes(context.store.slice(channelMutesSlice), userId).flatMap(
      ([cid, mute]) => {
        const channel = context.store.getChannel(cid);
        return channel ? [channelMuteResponse(context, userId, channel, mute)] : [];
      },
    ),
  }),
  channelFields: (context, channel, caller) => {
    const userId = caller ? callerUserId(caller) : undefined;
    if (userId === undefined) {
      return {};
    }
    const mute = activeChannelMute(context.store.slice(channelMutesSlice), userId, channel.cid);
    return {
      muted: mute !== undefined,
      ...(mute?.expires ? { mute_expires_at: mute.expires } : {}),
    };
  },
  channelQueryFields: (services, caller, channel) => {
    const userId = callerUserId(caller);
    return {
      muted:
        userId !== undefined &&
        activeChannelMute(services.store.slice(channelMutesSlice), userId, channel.cid) !==
          undefined,
    };
  },
  capabilities: (_context, caller, channel) =>
    caller.kind === 'user' && channel.members.has(caller.userId) ? ['mute-channel'] : [],
  channelConfigFields: () => ({ mutes: true }),
};
