import { canModerateChannel } from '../../auth/channel-permissions';
import { userResponse } from '../../responses/user-responses';
import { EmulatorFeature } from '../emulator-feature';
import { truncateRoutes } from './truncate-routes';
import { truncationsSlice } from './truncations-slice';

/**
 * Truncating channels: `channel.truncate()` removes the messages before a time for
 * everyone, with `truncated_at` / `truncated_by` in channel responses afterwards.
 */
export const truncateFeature: EmulatorFeature = {
  name: 'truncate',
  slices: [truncationsSlice],
  routes: truncateRoutes,
  channelFields: (context, channel) => {
    const truncation = context.store.slice(truncationsSlice).get(channel.cid);
    if (!truncation) {
      return {};
    }
    return {
      truncated_at: truncation.truncatedAt,
      ...(truncation.truncatedById
        ? { truncated_by: userResponse(context, truncation.truncatedById) }
        : {}),
    };
  },
  capabilities: (_context, caller, channel) =>
    canModerateChannel(caller, channel) ? ['truncate-channel'] : [],
};
