/** A byte beyond ASCII, which starts or continues a multi-byte UTF-8 character. */
const NON_ASCII = /[\x80-\xff]/;
/** Characters of base64url that standard base64 spells `+` and `/`. */
const URL_SAFE = /[-_]/;

/** The text that UTF-8 `bytes` (one character per byte, as `atob()` returns them) encode. */
function utf8(bytes: string): string {
  return decodeURIComponent(
    Array.from(bytes, (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''),
  );
}

/**
 * Reads the payload of a JWT without checking its signature, accepting both base64url and the
 * padded standard base64 that `stream-chat` dev tokens use. Returns `undefined` when the token
 * is not a readable JWT.
 */
export function readTokenPayload(token: string): Record<string, unknown> | undefined {
  const first = token.indexOf('.');
  const second = token.indexOf('.', first + 1);
  if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
    return undefined;
  }
  const segment = token.slice(first + 1, second);
  try {
    // atob() accepts input without padding ("forgiving base64"), so only base64url needs work.
    const bytes = atob(
      URL_SAFE.test(segment) ? segment.replace(/-/g, '+').replace(/_/g, '/') : segment,
    );
    const payload: unknown = JSON.parse(NON_ASCII.test(bytes) ? utf8(bytes) : bytes);
    return payload !== null && typeof payload === 'object'
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
