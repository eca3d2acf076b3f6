import { ApiError, ErrorCode, authenticationError } from '../protocol/api-error';
import { DEV_TOKEN_SIGNATURE, decodeToken } from './token-decoding';
import { TokenRevocations } from './token-revocations';
import { verifyJwtSignature } from './jwt-hs256';

/** Seconds of clock skew tolerated for `iat` and `nbf` in the future. */
const CLOCK_LEEWAY_SECONDS = 5;

/** What a valid token says about its bearer. */
export type VerifiedToken =
  { kind: 'server' } | { kind: 'user'; userId: string; issuedAt?: number; devToken: boolean };

/** Settings of a {@link TokenVerifier}. */
export interface TokenVerifierSettings {
  /** The app's API key, quoted in signature errors. */
  apiKey: string;
  /** The app's API secret; HS256 signatures are checked with it. */
  apiSecret: string;
  /** Whether tokens signed with the literal `devtoken` are accepted. */
  devTokens: boolean;
  /** Fault state for expired and revoked tokens. */
  revocations: TokenRevocations;
}

/**
 * Verifies Stream tokens the way Stream's API does: HS256 signature with the app secret,
 * `exp` (code 40), `nbf` (41), `iat` and revocation (42), signature (43), malformed (5).
 */
export class TokenVerifier {
  constructor(private readonly settings: TokenVerifierSettings) {}

  /** Whether development tokens are accepted. */
  get devTokensEnabled(): boolean {
    return this.settings.devTokens;
  }

  /**
   * Verifies a raw token string.
   * @param now the current time in ms (for tests).
   * @throws ApiError with Stream's code for the first problem found.
   */
  verify(token: string, now = Date.now()): VerifiedToken {
    const { claims, signature } = decodeToken(token);
    const devToken = signature === DEV_TOKEN_SIGNATURE;
    if (devToken) {
      if (!this.settings.devTokens) {
        throw new ApiError(
          ErrorCode.tokenSignatureInvalid,
          401,
          'JWTAuth error: development tokens are disabled for this app (signature "devtoken" is not accepted)',
        );
      }
    } else {
      this.checkSignature(token);
    }
    const nowSeconds = Math.floor(now / 1000);
    const exp = numericClaim(claims.exp, 'exp');
    if (exp !== undefined && nowSeconds >= exp) {
      throw new ApiError(ErrorCode.tokenExpired, 401, 'JWTAuth error: token is expired (exp)');
    }
    const nbf = numericClaim(claims.nbf, 'nbf');
    if (nbf !== undefined && nbf > nowSeconds + CLOCK_LEEWAY_SECONDS) {
      throw new ApiError(
        ErrorCode.tokenNotValidYet,
        401,
        'JWTAuth error: token is not valid yet (nbf)',
      );
    }
    const iat = numericClaim(claims.iat, 'iat');
    if (iat !== undefined && iat > nowSeconds + CLOCK_LEEWAY_SECONDS) {
      throw new ApiError(
        ErrorCode.tokenUsedBeforeIssuedAt,
        401,
        'JWTAuth error: token used before issued at (iat)',
      );
    }
    if (claims.server === true && !devToken) {
      return { kind: 'server' };
    }
    if (typeof claims.user_id !== 'string' || claims.user_id === '') {
      throw authenticationError('JWTAuth error: token has no user_id claim');
    }
    this.settings.revocations.admit(claims.user_id, token, iat, now);
    return { kind: 'user', userId: claims.user_id, issuedAt: iat, devToken };
  }

  private checkSignature(token: string): void {
    try {
      verifyJwtSignature(token, this.settings.apiSecret);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (reason === 'jwt malformed') {
        throw authenticationError('JWTAuth error: token is malformed');
      }
      throw new ApiError(
        ErrorCode.tokenSignatureInvalid,
        401,
        `JWTAuth error: signature is not valid. Make sure the token is created using the secret for API key "${this.settings.apiKey}"`,
      );
    }
  }
}

function numericClaim(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw authenticationError(`JWTAuth error: claim ${name} is not a number`);
  }
  return value;
}
