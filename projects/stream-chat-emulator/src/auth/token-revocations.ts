import { ApiError, ErrorCode } from '../protocol/api-error';

/** How many distinct tokens are remembered per user to know when each was first presented. */
const REMEMBERED_TOKENS_PER_USER = 500;

/**
 * Fault state for tokens: per-user "expire" and "revoke" instants.
 *
 * A token counts as issued before an instant when its `iat` claim is in an earlier second,
 * or, without `iat`, when the emulator first saw it before that instant or at it.
 *
 * - Expired tokens are answered with code 40, so a client with a token provider calls it
 *   again. A token that has an `iat` stays expired. A token without `iat` is refused once
 *   and then accepted again, so that a provider that can only return the same string
 *   (a dev token, `createToken(id)`) recovers after one refresh instead of looping forever.
 * - Revoked tokens are answered with code 42, always.
 */
export class TokenRevocations {
  private readonly expiredAt = new Map<string, number>();
  private readonly revokedAt = new Map<string, number>();
  private readonly firstSeen = new Map<string, Map<string, number>>();
  private readonly refusedOnce = new Map<string, Set<string>>();

  /** Marks every token of `userId` issued before `at` as expired (code 40). */
  expire(userId: string, at = Date.now()): void {
    this.expiredAt.set(userId, at);
    this.refusedOnce.set(userId, new Set());
  }

  /** Marks every token of `userId` issued before `at` as revoked (code 42). */
  revoke(userId: string, at = Date.now()): void {
    this.revokedAt.set(userId, at);
  }

  /**
   * Checks a verified user token against the fault state and remembers it.
   * @param issuedAt the `iat` claim in seconds, when present.
   * @throws ApiError code 42 when revoked, code 40 when expired.
   */
  admit(userId: string, token: string, issuedAt: number | undefined, now = Date.now()): void {
    const seenAt = this.rememberFirstSeen(userId, token, now);
    const revokedAt = this.revokedAt.get(userId);
    if (revokedAt !== undefined && issuedBefore(revokedAt, issuedAt, seenAt)) {
      throw new ApiError(
        ErrorCode.tokenUsedBeforeIssuedAt,
        401,
        'JWTAuth error: token has been revoked',
      );
    }
    const expiredAt = this.expiredAt.get(userId);
    if (expiredAt === undefined || !issuedBefore(expiredAt, issuedAt, seenAt)) {
      return;
    }
    if (issuedAt === undefined) {
      const refused = this.refusedOnce.get(userId) ?? new Set<string>();
      this.refusedOnce.set(userId, refused);
      if (refused.has(token)) {
        return;
      }
      refused.add(token);
    }
    throw new ApiError(ErrorCode.tokenExpired, 401, 'JWTAuth error: token is expired (exp)');
  }

  private rememberFirstSeen(userId: string, token: string, now: number): number {
    let tokens = this.firstSeen.get(userId);
    if (!tokens) {
      tokens = new Map();
      this.firstSeen.set(userId, tokens);
    }
    const known = tokens.get(token);
    if (known !== undefined) {
      return known;
    }
    if (tokens.size >= REMEMBERED_TOKENS_PER_USER) {
      const oldest = tokens.keys().next().value;
      if (oldest !== undefined) {
        tokens.delete(oldest);
      }
    }
    tokens.set(token, now);
    return now;
  }
}

function issuedBefore(instant: number, issuedAt: number | undefined, seenAt: number): boolean {
  if (issuedAt !== undefined) {
    return issuedAt < Math.floor(instant / 1000);
  }
  // A token seen in the same millisecond as the fault was in use when it was injected.
  return seenAt <= instant;
}
