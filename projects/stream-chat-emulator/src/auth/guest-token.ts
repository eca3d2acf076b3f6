import jwt from 'jsonwebtoken';

/** Claims of a user token minted by the emulator. */
export interface UserTokenClaims {
  /** Expiry, in seconds since the epoch. */
  exp?: number;
  /** Issue time, in seconds since the epoch. */
  iat?: number;
}

/**
 * Characters whose byte can encode to `-` or `_` in base64url: `>`, `?`, `~`, DEL and
 * everything outside ASCII. They are written as JSON `\uXXXX` escapes instead.
 */
const UNSAFE_PAYLOAD_CHARACTERS = /[>?~\u007f-\uffff]/g;

/**
 * Mints an HS256 user token whose payload segment contains no `-` or `_`.
 *
 * The client decodes token payloads with a standard-base64 decoder that does not know the
 * URL-safe alphabet, so a payload with `-` or `_` would make `connectUser` throw. When
 * every payload byte is ASCII and none is `>`, `?`, `~` or DEL, no 6-bit group of the
 * encoding can be 62 or 63, so the payload is written as JSON with those characters escaped.
 * @param userId the `user_id` claim.
 * @param secret the app secret.
 * @param claims optional `exp` and `iat`.
 */
export function mintUserToken(
  userId: string,
  secret: string,
  claims: UserTokenClaims = {},
): string {
  const payload = JSON.stringify({ user_id: userId, ...claims }).replace(
    UNSAFE_PAYLOAD_CHARACTERS,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return jwt.sign(payload, secret, { algorithm: 'HS256' });
}

/** Mints a `{server: true}` token, the kind `new StreamChat(key, secret)` uses. */
export function mintServerToken(secret: string): string {
  return jwt.sign({ server: true }, secret, { algorithm: 'HS256', noTimestamp: true });
}
