import { AppSettings } from '../../auth/app-settings';
import { EmulatorFaults } from '../../faults/emulator-faults';
import { RouteDefinition } from '../route-table';
import { adminRoutes } from './admin-routes';
import { appRoutes } from './app-routes';
import { channelQueryRoutes } from './channel-query-routes';
import { channelUpdateRoutes } from './channel-update-routes';
import { guestRoutes } from './guest-routes';
import { memberQueryRoutes } from './member-query-routes';
import { messageEditRoutes } from './message-edit-routes';
import { messageRoutes } from './message-routes';
import { readEventRoutes } from './read-event-routes';
import { userRoutes } from './user-routes';

/**
 * Every core endpoint, in matching order: routes with literal segments come before routes
 * whose parameters could swallow them (`/channels/{type}/query` before `/channels/{type}/{id}`).
 * @param app the app's settings, for the guest and app-settings routes.
 * @param faults the fault-injection API, for the `/admin` routes.
 */
export function coreRoutes(app: AppSettings, faults: EmulatorFaults): RouteDefinition[] {
  return [
    ...channelQueryRoutes,
    ...readEventRoutes,
    ...messageRoutes,
    ...messageEditRoutes,
    ...channelUpdateRoutes,
    ...memberQueryRoutes,
    ...userRoutes,
    ...guestRoutes(app),
    ...appRoutes(app),
    ...adminRoutes(faults),
  ];
}
