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
    const json = decodeURIComponent(
      Array.from(atob(padded), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''),
    );
    const payload: unknown = JSON.parse(json);
    return payload !== null && typeof payload === 'object'
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
