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
 * Every endpoint, in matching order: routes with literal segments come before routes
 * whose parameters could swallow them (`/channels/{type}/query` before `/channels/{type}/{id}`).
 */
export const allRoutes: RouteDefinition[] = [
  ...channelQueryRoutes,
  ...readEventRoutes,
  ...messageRoutes,
  ...messageEditRoutes,
  ...channelUpdateRoutes,
  ...memberQueryRoutes,
  ...userRoutes,
  ...guestRoutes,
  ...appRoutes,
  ...adminRoutes,
];
