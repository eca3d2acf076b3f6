import { canReadChannel } from '../../auth/channel-permissions';
import { EmulatorFeature } from '../emulator-feature';
import { flagRoutes } from './flag-routes';
import { flagsSlice } from './flags-slice';

/** Flags on messages and users: `/moderation/flag`, `/moderation/unflag`, `flag-message`. */
export const flagsFeature: EmulatorFeature = {
  name: 'flags',
  slices: [flagsSlice],
  routes: flagRoutes,
  capabilities: (_context, caller, channel) =>
    caller.kind !== 'anonymous' && canReadChannel(caller, channel) ? ['flag-message'] : [],
};
