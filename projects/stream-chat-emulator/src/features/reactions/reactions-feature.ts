import { canWriteChannel } from '../../auth/channel-permissions';
import { EmulatorFeature } from '../emulator-feature';
import { reactionFields } from './reaction-aggregates';
import { isFrozen } from './reaction-access';
import { reactionReadRoutes } from './reaction-read-routes';
import { reactionWriteRoutes } from './reaction-write-routes';
import { reactionsSlice } from './reactions-slice';

/**
 * Message reactions: send (with `enforce_unique`), delete, list and query; the five
 * aggregate fields on every message; `reaction.new|updated|deleted` to watchers;
 * capability `send-reaction` and config `reactions: true`.
 */
export const reactionsFeature: EmulatorFeature = {
  name: 'reactions',
  slices: [reactionsSlice],
  routes: [...reactionWriteRoutes, ...reactionReadRoutes],
  messageFields: reactionFields,
  capabilities: (_context, caller, channel) =>
    canWriteChannel(caller, channel) && !isFrozen(channel) ? ['send-reaction'] : [],
  channelConfigFields: () => ({ reactions: true }),
};
