import { signJwt } from './jwt-hs256';

/** Claims of a user token minted by the emulator. */
export interface UserTokenClaims {
  /** Expiry, in seconds since the epoch. */
  exp?: number;
  /** Issue time, in seconds since the epoch. */
  iat?: number;
}

/**
 * Mints an HS256 user token whose payload segment contains no `-` or `_` (see `signJwt`), for
 * guests and `createToken()`.
 * @param userId the `user_id` claim.
 * @param secret the app secret.
 * @param claims optional `exp` and `iat`.
 */
export function mintUserToken(
  userId: string,
  secret: string,
  claims: UserTokenClaims = {},
): string {
  return signJwt({ user_id: userId, ...claims }, secret);
}

/** Mints a `{server: true}` token, the kind `new StreamChat(key, secret)` uses. */
export function mintServerToken(secret: string): string {
  return signJwt({ server: true }, secret);
}
