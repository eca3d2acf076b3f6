import { ServerResponse } from 'node:http';
import { doesNotExistError } from '../../protocol/api-error';
import { JsonObject } from '../../protocol/body-fields';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { uploadsSlice } from './uploads-slice';

/** A byte range to send: first and last byte, inclusive. */
interface ByteRange {
  start: number;
  end: number;
}

/**
 * Reads a `Range` header against a size: one `bytes=a-b`, `bytes=a-` or `bytes=-n` range.
 * @returns the range, `'unsatisfiable'`, or `undefined` to send the whole file (no header,
 * several ranges, or a header that is not understood, which HTTP lets a server ignore).
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) {
    return undefined;
  }
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) {
      return 'unsatisfiable';
    }
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) {
    return 'unsatisfiable';
  }
  return { start, end };
}

function writeFile(
  response: ServerResponse,
  bytes: Buffer,
  mimeType: string,
  name: string,
  rangeHeader: string | undefined,
): void {
  const common = {
    'Content-Type': mimeType,
    'Accept-Ranges': 'bytes',
    'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Access-Control-Expose-Headers': 'Content-Length, Content-Range, Accept-Ranges',
  };
  const range = parseRange(rangeHeader, bytes.length);
  if (range === 'unsatisfiable') {
    response.writeHead(416, {
      ...common,
      'Content-Range': `bytes */${bytes.length}`,
      'Content-Length': 0,
    });
    response.end();
  } else if (range) {
    const part = bytes.subarray(range.start, range.end + 1);
    response.writeHead(206, {
      ...common,
      'Content-Range': `bytes ${range.start}-${range.end}/${bytes.length}`,
      'Content-Length': part.length,
    });
    response.end(part);
  } else {
    response.writeHead(200, { ...common, 'Content-Length': bytes.length });
    response.end(bytes);
  }
}

/**
 * `GET /uploads/<id>/<name>`: the bytes of an upload, without authentication (they are
 * shown through `<img src>` and `<video src>`), with `Range` support. Query parameters
 * (Angular's `w`, `h`, `oh`, `ow` resize hints) are ignored.
 */
function serveUpload(context: RouteContext): JsonObject {
  const upload = context.services.store.slice(uploadsSlice).files.get(context.params['id']);
  if (!upload?.bytes || upload.name !== context.params['name']) {
    throw doesNotExistError(`file ${context.request.url ?? ''} does not exist`);
  }
  writeFile(
    context.response,
    upload.bytes,
    upload.mimeType,
    upload.name,
    context.request.headers.range,
  );
  return {};
}

/** The unauthenticated download endpoints (GET, and HEAD for the headers only). */
export const uploadServingRoutes: readonly RouteDefinition[] = [
  {
    method: 'GET',
    path: '/uploads/:id/:name',
    operation: 'GetFile',
    auth: 'none',
    handle: serveUpload,
  },
  {
    method: 'HEAD',
    path: '/uploads/:id/:name',
    operation: 'GetFile',
    auth: 'none',
    handle: serveUpload,
  },
];
