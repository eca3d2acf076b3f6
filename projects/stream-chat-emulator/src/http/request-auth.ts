import { IncomingHttpHeaders } from 'node:http';
import { authenticationError } from '../protocol/api-error';
import { Caller } from '../auth/caller';
import { CoreServices } from '../services/emulator-services';
import { ANONYMOUS_USER_ID, requireUserId } from '../protocol/identifiers';

/**
 * How a route authenticates: any valid caller, anonymous allowed without token, server only,
 * or `none`: no credentials and no `api_key` at all (files served to `<img src>`), the caller
 * is anonymous.
 */
export type RouteAuth = 'caller' | 'guest' | 'server' | 'none';

/** Reads a header that may arrive repeated. */
function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Identifies the caller of a REST request from `stream-auth-type`, `Authorization`
 * (the raw JWT; a `Bearer ` prefix is tolerated) and the `user_id` query parameter,
 * which must match the token's user.
 * @throws ApiError code 5 for missing or inconsistent credentials, or the token's error code.
 */
export function authenticateRequest(
  services: CoreServices,
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
  auth: RouteAuth,
): Caller {
  if (auth === 'none') {
    return { kind: 'anonymous' };
  }
  const authType = header(headers, 'stream-auth-type');
  const rawAuthorization = header(headers, 'authorization')?.trim();
  const token = rawAuthorization?.replace(/^Bearer\s+/i, '');
  if (auth === 'server') {
    if (!token) {
      throw authenticationError(
        'this endpoint needs a server token ({server: true}) in the Authorization header',
      );
    }
    const verified = services.verifier.verify(token);
    if (verified.kind !== 'server') {
      throw authenticationError('this endpoint needs a server token ({server: true})');
    }
    return { kind: 'server' };
  }
  if (authType === 'anonymous' || (auth === 'guest' && !token)) {
    if (token) {
      const verified = services.verifier.verify(token);
      if (verified.kind !== 'user' || verified.userId !== ANONYMOUS_USER_ID) {
        throw authenticationError(
          `anon auth token must have user_id claim equal to '${ANONYMOUS_USER_ID}'`,
        );
      }
    }
    return { kind: 'anonymous' };
  }
  if (authType !== 'jwt') {
    throw authenticationError('stream-auth-type missing or invalid');
  }
  if (!token) {
    throw authenticationError('Authorization header is missing');
  }
  const verified = services.verifier.verify(token);
  if (verified.kind === 'server') {
    return { kind: 'server' };
  }
  const queryUserId = query.get('user_id');
  if (queryUserId !== null && queryUserId !== verified.userId) {
    throw authenticationError(
      `user_id "${queryUserId}" in the query does not match the token's user_id`,
    );
  }
  const user = services.store.users.ensure(requireUserId(verified.userId, "the token's user_id"));
  return { kind: 'user', userId: user.id, role: user.role };
}
