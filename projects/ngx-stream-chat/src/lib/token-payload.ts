/** A byte beyond ASCII, which starts or continues a multi-byte UTF-8 character. */
const NON_ASCII = /[\x80-\xff]/;

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
  const segments = token.split('.');
  if (segments.length !== 3) {
    return undefined;
  }
  try {
    const base64 = segments[1].replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = atob(padded);
    const payload: unknown = JSON.parse(NON_ASCII.test(bytes) ? utf8(bytes) : bytes);
    return payload !== null && typeof payload === 'object'
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
