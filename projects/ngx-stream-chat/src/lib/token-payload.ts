/** The standard base64 alphabet, the only one `stream-chat` decodes token payloads with. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Each character's 6-bit value; characters outside the alphabet are absent. */
const SEXTETS = new Map(Array.from(ALPHABET, (character, value) => [character, value]));
/** Characters of base64url that standard base64 spells `+` and `/`. */
const URL_SAFE = /[-_]/;

/**
 * Decodes `segment` exactly as `stream-chat`'s `decodeBase64` does (its `src/base64.ts`): one
 * character per byte (bytes beyond ASCII are not read as UTF-8), zero bytes dropped from the last
 * two characters (so `=` padding works), and a character outside the standard alphabet (such as
 * base64url's `-` and `_`) wiping the bits read so far, which garbles the text around it.
 */
function decodeLikeStreamChat(segment: string): string {
  let bits = 0;
  let bitCount = 0;
  let text = '';
  for (let index = 0; index < segment.length; index++) {
    // The client adds `undefined` for an unknown character: NaN, which the next shift turns to 0.
    bits = (bits << 6) + (SEXTETS.get(segment.charAt(index)) ?? NaN);
    bitCount += 6;
    while (bitCount >= 8) {
      bitCount -= 8;
      const byte = (bits >>> bitCount) & 0xff;
      if (byte || index < segment.length - 2) {
        text += String.fromCharCode(byte);
      }
    }
  }
  return text;
}

/**
 * Reads the payload of a JWT without checking its signature, exactly as the `stream-chat` client
 * does before it connects a user with a static token (`UserFromToken` in its `src/signing.ts`):
 * three dot-separated segments, the payload decoded with the standard base64 alphabet (padded or
 * not), its bytes taken one character each, then parsed as JSON. So a token the client would
 * refuse is refused here first, before anything is disconnected.
 *
 * Returns `undefined` when the client could not read a JSON object out of the token: not three
 * segments, base64url's `-` or `_` in the payload (the client cannot decode them), or no JSON
 * object. Strings beyond ASCII come out as their UTF-8 bytes, as the client reads them.
 */
export function readTokenPayload(token: string): Record<string, unknown> | undefined {
  const segments = token.split('.');
  if (segments.length !== 3) {
    return undefined;
  }
  try {
    const payload: unknown = JSON.parse(decodeLikeStreamChat(segments[1]));
    return payload !== null && typeof payload === 'object'
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the token's payload uses base64url's `-` or `_`, which the `stream-chat` client
 * cannot decode: the usual reason a JWT signed by a standard library is unreadable to it.
 */
export function hasUrlSafePayload(token: string): boolean {
  const segments = token.split('.');
  return segments.length === 3 && URL_SAFE.test(segments[1]);
}
