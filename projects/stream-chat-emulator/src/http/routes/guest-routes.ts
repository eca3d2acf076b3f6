import { AppSettings } from '../../auth/app-settings';
import { randomUUID } from 'node:crypto';
import { inputError } from '../../protocol/api-error';
import { mintUserToken } from '../../auth/guest-token';
import { userResponse } from '../../responses/user-responses';
import { requireUserId } from '../../protocol/identifiers';
import { customUserFields } from '../../store/user-directory';
import { JsonObject, requiredObject } from '../../protocol/body-fields';
import { RouteContext, RouteDefinition } from '../route-table';

/**
 * `POST /guest {user: {id?, name?, ...}}`: creates a guest user with role `guest` and
 * answers `{access_token, user}`. The token's payload is free of `-` and `_`, which the
 * client's token decoder requires. An id that is already taken, by a guest too, is refused
 * (code 4), as on Stream: nobody can take over an existing guest.
 */
function createGuest(app: AppSettings, context: RouteContext): JsonObject {
  const { services } = context;
  const user = requiredObject(context.body, 'user');
  const id = requireUserId(user['id'] ?? `guest-${randomUUID()}`, 'user id');
  if (services.store.users.get(id)) {
    throw inputError(`user "${id}" already exists: a guest needs an id nobody uses yet`);
  }
  services.store.users.replace(id, customUserFields(user), 'guest');
  const accessToken = mintUserToken(id, app.apiSecret, {
    iat: Math.floor(Date.now() / 1000),
  });
  return { access_token: accessToken, user: userResponse(services, id) };
}

/**
 * Guest user endpoint.
 * @param app the app whose secret signs the guests' tokens.
 */
export function guestRoutes(app: AppSettings): RouteDefinition[] {
  return [
    {
      method: 'POST',
      path: '/guest',
      operation: 'CreateGuest',
      auth: 'guest',
      status: 201,
      handle: (context) => createGuest(app, context),
    },
  ];
}
