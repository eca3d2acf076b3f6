import { randomUUID } from 'node:crypto';
import { inputError } from '../../protocol/api-error';
import { mintUserToken } from '../../auth/guest-token';
import { userResponse } from '../../responses/user-responses';
import { isUserId } from '../../protocol/identifiers';
import { customUserFields } from '../../store/user-directory';
import { JsonObject, requiredObject } from '../../protocol/body-fields';
import { RouteContext, RouteDefinition } from '../route-table';

/**
 * `POST /guest {user: {id?, name?, ...}}`: creates (or refreshes) a guest user with role
 * `guest` and answers `{access_token, user}`. The token's payload is free of `-` and `_`,
 * which the client's token decoder requires. An id that belongs to a non-guest user is refused.
 */
function createGuest(context: RouteContext): JsonObject {
  const { services } = context;
  const user = requiredObject(context.body, 'user');
  const id = user['id'] ?? `guest-${randomUUID()}`;
  if (!isUserId(id)) {
    throw inputError(
      `user id ${JSON.stringify(id)} is not valid: it must match /^[@\\w-]{1,255}$/`,
    );
  }
  const existing = services.store.users.get(id);
  if (existing && existing.role !== 'guest') {
    throw inputError(`user "${id}" already exists and is not a guest`);
  }
  services.store.users.replace(id, customUserFields(user), 'guest');
  const accessToken = mintUserToken(id, services.app.apiSecret, {
    iat: Math.floor(Date.now() / 1000),
  });
  return { access_token: accessToken, user: userResponse(services, id) };
}

/** Guest user endpoint. */
export const guestRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/guest',
    operation: 'CreateGuest',
    auth: 'guest',
    status: 201,
    handle: createGuest,
  },
];
