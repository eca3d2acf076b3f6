import { IncomingMessage } from 'node:http';
import type { UploadRecord } from './uploads-slice';

/** The path under which uploads are served: `/uploads/<id>/<name>`. */
export const UPLOADS_PATH_PREFIX = '/uploads/';

/** A `Host` header value that is a plain host and optional port (no path, no spaces). */
const PLAIN_HOST = /^[\w.-]+(:\d+)?$|^\[[\da-fA-F:.]+\](:\d+)?$/;

/**
 * The emulator's origin as the request reached it: `http://` and its `Host` header, or the
 * socket's local address when the header is missing or odd.
 */
export function requestOrigin(request: IncomingMessage): string {
  const host = request.headers.host;
  if (host && PLAIN_HOST.test(host)) {
    return `http://${host}`;
  }
  const { localAddress, localPort } = request.socket;
  const address = localAddress?.includes(':') ? `[${localAddress}]` : localAddress;
  return `http://${address ?? '127.0.0.1'}:${localPort ?? 80}`;
}

/** The absolute URL an upload is served at, e.g. `http://127.0.0.1:3100/uploads/<id>/photo.png`. */
export function uploadUrl(origin: string, upload: UploadRecord): string {
  return `${origin}${UPLOADS_PATH_PREFIX}${upload.id}/${encodeURIComponent(upload.name)}`;
}

/**
 * The upload id in a URL this emulator handed out (any host: the emulator may have moved),
 * or `undefined` when the URL is not one of ours.
 */
export function uploadIdOfUrl(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  return /^\/uploads\/([\w-]+)\/[^/]+$/.exec(pathname)?.[1];
}
