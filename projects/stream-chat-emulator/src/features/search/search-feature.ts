import { canReadChannel } from '../../auth/channel-permissions';
import { EmulatorFeature } from '../emulator-feature';
import { messagesByIdRoutes } from './messages-by-id-route';
import { searchRoutes } from './search-route';

/**
 * Message search (`client.search`, `channel.search` → `GET /search`) and message lookup by
 * ids (`channel.getMessagesById` → `GET /channels/{type}/{id}/messages`); capability
 * `search-messages`, config `search: true`.
 */
export const searchFeature: EmulatorFeature = {
  name: 'search',
  routes: [...searchRoutes, ...messagesByIdRoutes],
  capabilities: (_context, caller, channel) =>
    caller.kind !== 'anonymous' && canReadChannel(caller, channel) ? ['search-messages'] : [],
  channelConfigFields: () => ({ search: true }),
};
