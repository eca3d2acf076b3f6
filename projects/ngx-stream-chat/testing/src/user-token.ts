import { hmacSha256 } from './hmac-sha256';

/** Options for `signUserToken`. */
export interface UserTokenOptions {
  /** Seconds until the token expires; no `exp` claim when left out. */
  expiresInSeconds?: number;
  /** Seconds since the epoch to put in `iat`; none when left out. */
  issuedAt?: number;
}

const encoder = new TextEncoder();

/** How long the filler claim may grow while looking for a clean payload. */
const maxFillerLength = 12;

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * Signs an HS256 JWT with `apiSecret` over `claims`. The payload segment is kept free of `-` and
 * `_`: the `stream-chat` client decodes it with the standard base64 alphabet, so a filler claim is
 * added when the plain payload would contain them. Ids made of letters, digits, `@`, `_`, `-` and
 * `.` always get a clean payload.
 */
export function signToken(apiSecret: string, claims: Record<string, unknown>): string {
  const header = base64Url(encoder.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));
  let payload = base64Url(encoder.encode(JSON.stringify(claims)));
  // A filler of growing length in front shifts the base64 alignment of every other claim.
  for (let filler = 1; /[-_]/.test(payload) && filler <= maxFillerLength; filler++) {
    payload = base64Url(encoder.encode(JSON.stringify({ f: 'x'.repeat(filler), ...claims })));
  }
  const signature = hmacSha256(encoder.encode(apiSecret), encoder.encode(`${header}.${payload}`));
  return `${header}.${payload}.${base64Url(signature)}`;
}

/**
 * Signs a user token for `userId` with `apiSecret`, as a backend does with `stream-chat`'s
 * `createToken`, for tests against a local emulator whose secret you know. Never ship a secret to
 * a browser in production.
 */
export function signUserToken(
  apiSecret: string,
  userId: string,
  options: UserTokenOptions = {},
): string {
  const claims: Record<string, unknown> = { user_id: userId };
  if (options.expiresInSeconds !== undefined) {
    claims['exp'] = Math.floor(Date.now() / 1000) + options.expiresInSeconds;
  }
  if (options.issuedAt !== undefined) {
    claims['iat'] = options.issuedAt;
  }
  return signToken(apiSecret, claims);
}

/** Signs a server token (`{server: true}`), which the emulator's `/admin` endpoints require. */
export function signServerToken(apiSecret: string): string {
  return signToken(apiSecret, { server: true });
}
