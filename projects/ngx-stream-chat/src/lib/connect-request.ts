import type { TokenProvider, UserResponse } from 'stream-chat';
import { invalidInputError } from './stream-chat-errors';
import { hasUrlSafePayload, readTokenPayload } from './token-payload';

/** A user given to `init()`: an id, or an object with an id, a name, an image and custom fields. */
export type ChatUserInput =
  | string
  | (Partial<UserResponse> & {
      /** The user's id: required, except for an anonymous user (letters, digits, `@`, `_`, `-`). */
      id?: string;
    });

/** The third argument of `init()`: a token, a token provider, `'guest'` or `'anonymous'`. */
export type ChatTokenInput = string | TokenProvider;

/** A checked `init()` call, in the form the `stream-chat` client takes. */
export type ConnectRequest =
  | { kind: 'user'; user: UserResponse; token: string | TokenProvider }
  | { kind: 'guest'; user: UserResponse }
  | { kind: 'anonymous' };

/** The characters Stream accepts in a user id. */
const userIdPattern = /^[\w@-]+$/;

/** Checks a user id and builds the user object for it. */
function toUser(userOrId: ChatUserInput | undefined, mode: string): UserResponse {
  const user = typeof userOrId === 'string' ? { id: userOrId } : userOrId;
  if (user === null || typeof user !== 'object' || typeof user.id !== 'string' || !user.id) {
    throw invalidInputError(
      `init() for ${mode} needs a user id: pass "<user id>" or { id: "<user id>", ... } as the second argument.`,
    );
  }
  if (!userIdPattern.test(user.id)) {
    throw invalidInputError(
      `the user id "${user.id}" has characters Stream rejects; use letters, digits, "@", "_" and "-" only.`,
    );
  }
  return { ...user, id: user.id };
}

/**
 * Checks that a static token is a JWT for `userId` by the `stream-chat` client's own rules, so a
 * token it would refuse (after ending the current session) is refused before anything is touched.
 */
function checkStaticToken(token: string, userId: string): void {
  if (!token) {
    throw invalidInputError(
      'the token is empty; pass a JWT signed by your server, a token provider, "guest" or "anonymous".',
    );
  }
  const payload = readTokenPayload(token);
  if (!payload && hasUrlSafePayload(token)) {
    throw invalidInputError(
      'the payload of the token is base64url with "-" or "_", which the stream-chat client ' +
        'cannot decode (it reads token payloads with the standard base64 alphabet) and would ' +
        'refuse. Sign tokens whose payload JSON has no ">", "?", "~" or characters beyond ASCII, ' +
        'or has them escaped as \\uXXXX (as signUserToken from ngx-stream-chat/testing does).',
    );
  }
  if (!payload) {
    throw invalidInputError(
      'the token is not a JWT the stream-chat client can read; pass the token your server ' +
        'signed for this user.',
    );
  }
  if (payload['user_id'] !== userId) {
    throw invalidInputError(
      `the token was made for user "${String(payload['user_id'])}", not for "${userId}"; ` +
        'sign a token for the user you connect.',
    );
  }
}

/**
 * Validates the arguments of `ChatClientService.init()` before any network call and says
 * which way to connect. Throws an `invalid-input` `StreamChatError` that explains the fix.
 */
export function toConnectRequest(
  apiKey: unknown,
  userOrId: ChatUserInput | undefined,
  tokenOrProvider: unknown,
): ConnectRequest {
  if (typeof apiKey !== 'string' || !apiKey.trim()) {
    throw invalidInputError('init() needs an API key as its first argument; it was empty.');
  }
  if (tokenOrProvider === 'anonymous') {
    return { kind: 'anonymous' };
  }
  if (tokenOrProvider === 'guest') {
    return { kind: 'guest', user: toUser(userOrId, 'a guest') };
  }
  const user = toUser(userOrId, 'a user');
  if (typeof tokenOrProvider === 'function') {
    return { kind: 'user', user, token: tokenOrProvider as TokenProvider };
  }
  if (typeof tokenOrProvider !== 'string') {
    throw invalidInputError(
      'the third argument of init() must be a token string, a token provider function, "guest" or "anonymous".',
    );
  }
  checkStaticToken(tokenOrProvider, user.id);
  return { kind: 'user', user, token: tokenOrProvider };
}
