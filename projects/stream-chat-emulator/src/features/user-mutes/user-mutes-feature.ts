import { EmulatorFeature } from '../emulator-feature';
import { userMutesSlice } from './mutes-slice';
import { userMuteRoutes } from './user-mute-routes';
import { ownMutes } from './user-mutes';

/** Users muting users: `/moderation/mute`, `/moderation/unmute`, `me.mutes`. */
export const userMutesFeature: EmulatorFeature = {
  name: 'user-mutes',
  slices: [userMutesSlice],
  routes: userMuteRoutes,
  ownUserFields: (context, userId) => ({ mutes: ownMutes(context, userId) }),
  channelConfigFields: () => ({ mutes: true }),
};
