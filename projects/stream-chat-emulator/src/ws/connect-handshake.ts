import { authenticationError, inputError } from '../protocol/api-error';
import { CoreServices } from '../services/emulator-services';
import { checkApiKey } from '../auth/api-key';
import { ANONYMOUS_USER_ID, requireUserId } from '../protocol/identifiers';
import { isPlainObject } from '../protocol/body-fields';
import { parseJsonWithin } from '../protocol/json-limits';
import { customUserFields } from '../store/user-directory';

/** Who a WebSocket connects as. */
export interface ConnectIdentity {
  /** The user id the connection acts as (`!anon` when anonymous). */
  userId: string;
  /** Whether the connection is anonymous. */
  anonymous: boolean;
  /** Custom fields from `user_details`, to upsert into the user. */
  userFields: Record<string, unknown>;
}

/**
 * Authenticates a `/connect` request from its query string: `json` (with `user_id` and
 * `user_details`), `api_key`, `authorization` and `stream-auth-type`.
 * @throws ApiError with the code the error frame carries: 2 (api key), 4 (bad json or
 * user id), 5 (auth type, missing token, user mismatch), or the token's own code (40-43).
 */
export function authenticateConnect(
  services: CoreServices,
  query: URLSearchParams,
): ConnectIdentity {
  const payload = parseJsonWithin(query.get('json') ?? '', 'the json query parameter');
  if (!isPlainObject(payload)) {
    throw inputError('the json query parameter is missing or is not a JSON object');
  }
  checkApiKey(services.app, query.get('api_key'));
  const authType = query.get('stream-auth-type');
  const token = query.get('authorization') ?? '';
  if (authType === 'anonymous') {
    if (token !== '' && token !== 'undefined') {
      const verified = services.verifier.verify(token);
      if (verified.kind !== 'user' || verified.userId !== ANONYMOUS_USER_ID) {
        throw authenticationError(
          `anon auth token must have user_id claim equal to '${ANONYMOUS_USER_ID}'`,
        );
      }
    }
    return { userId: ANONYMOUS_USER_ID, anonymous: true, userFields: {} };
  }
  if (authType !== 'jwt') {
    throw authenticationError('stream-auth-type missing or invalid');
  }
  if (token === '' || token === 'undefined') {
    throw authenticationError('authorization token is missing');
  }
  const verified = services.verifier.verify(token);
  const userId = requireUserId(payload['user_id']);
  if (verified.kind === 'user' && verified.userId !== userId) {
    throw authenticationError(
      `JWTAuth error: the token's user_id "${verified.userId}" does not match the connecting user_id "${userId}"`,
    );
  }
  const details = payload['user_details'];
  return {
    userId,
    anonymous: false,
    userFields: isPlainObject(details) ? customUserFields(details) : {},
  };
}
