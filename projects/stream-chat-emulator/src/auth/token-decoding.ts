import { authenticationError } from '../protocol/api-error';

/** The claims the emulator reads from a token payload; anything else is ignored. */
export interface TokenClaims {
  user_id?: unknown;
  server?: unknown;
  exp?: unknown;
  iat?: unknown;
  nbf?: unknown;
}

/** A token split into its three segments, with the payload decoded. */
export interface DecodedToken {
  /** The decoded payload claims. */
  claims: TokenClaims;
  /** The raw signature segment (`devtoken` for development tokens). */
  signature: string;
}

/** The literal signature segment of tokens made by `client.devToken(id)`. */
export const DEV_TOKEN_SIGNATURE = 'devtoken';

/**
 * Decodes base64 leniently: standard (`+/`) and URL-safe (`-_`) alphabets, with or
 * without `=` padding. Dev tokens use padded standard base64, other JWTs use base64url.
 * @returns the decoded text, or `undefined` when the segment holds other characters.
 */
export function decodeLenientBase64(segment: string): string | undefined {
  if (!/^[A-Za-z0-9+/\-_]*={0,2}$/.test(segment)) {
    return undefined;
  }
  const standard = segment.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  return Buffer.from(standard, 'base64').toString('utf8');
}

/**
 * Splits a JWT and decodes its payload without checking the signature.
 * @throws ApiError code 5 when the token is not three segments or its payload is not a JSON object.
 */
export function decodeToken(token: string): DecodedToken {
  const segments = token.split('.');
  if (segments.length !== 3) {
    throw authenticationError('JWTAuth error: token contains an invalid number of segments');
  }
  const payloadText = decodeLenientBase64(segments[1]);
  let claims: unknown;
  try {
    claims = payloadText === undefined ? undefined : JSON.parse(payloadText);
  } catch {
    claims = undefined;
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw authenticationError('JWTAuth error: token payload is not a JSON object');
  }
  return { claims: claims as TokenClaims, signature: segments[2] };
}
