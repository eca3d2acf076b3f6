import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';

/** Options for `signUserToken`. */
export interface UserTokenOptions {
  /** Seconds until the token expires; no `exp` claim when left out. */
  expiresInSeconds?: number;
  /** Seconds since the epoch to put in `iat`; none when left out. */
  issuedAt?: number;
}

const encoder = new TextEncoder();

/**
 * The characters whose UTF-8 bytes can encode to base64url's `-` or `_`: `>`, `?`, `~`, DEL and
 * everything beyond ASCII. A 6-bit group is 62 or 63 only when a byte at the end of a 3-byte block
 * ends in `111110` or `111111` (`>`, `?`, `~`, DEL among ASCII), or when the bits come from a byte
 * of 0x80 or more; so JSON without these characters always encodes cleanly.
 */
const UNSAFE_PAYLOAD_CHARACTERS = /[>?~\u007f-\uffff]/g;

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** `claims` as JSON with the characters of `UNSAFE_PAYLOAD_CHARACTERS` written as `\uXXXX`. */
function payloadJson(claims: Record<string, unknown>): string {
  return JSON.stringify(claims).replace(
    UNSAFE_PAYLOAD_CHARACTERS,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Signs an HS256 JWT with `apiSecret` over `claims`, synchronously, in browsers and Node alike
 * (HMAC-SHA256 from `@noble/hashes`). The payload segment never contains `-` or
 * `_`, whatever the claims hold: the `stream-chat` client decodes it with the standard base64
 * alphabet and one byte per character, so `>`, `?`, `~`, DEL and characters beyond ASCII are
 * written as JSON `\uXXXX` escapes (which every JSON parser reads back as the same text), as the
 * emulator does for the tokens it mints.
 */
export function signToken(apiSecret: string, claims: Record<string, unknown>): string {
  const header = base64Url(encoder.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));
  const payload = base64Url(encoder.encode(payloadJson(claims)));
  const signature = hmac(sha256, encoder.encode(apiSecret), encoder.encode(`${header}.${payload}`));
  return `${header}.${payload}.${base64Url(signature)}`;
}

/**
 * Signs a user token for `userId` with `apiSecret`, as a backend does with `stream-chat`'s
 * `createToken`, for tests against a local emulator whose secret you know. The `stream-chat`
 * client reads every token it makes, whatever the id holds (unlike `createToken`, whose payload
 * can contain base64url's `-` and `_`). Never ship a secret to a browser in production.
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
