import { IncomingMessage, ServerResponse } from 'node:http';

/** Headers the client sends on REST calls; all must pass a browser preflight. */
const ALLOWED_HEADERS =
  'Authorization, stream-auth-type, X-Stream-Client, x-client-request-id, Content-Type, Accept';

/** Methods the emulator answers. */
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/**
 * Sets the CORS headers on a response. Any origin is allowed (the client does not send
 * credentials); a preflight's requested headers are echoed so custom headers pass too.
 */
export function applyCorsHeaders(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('Access-Control-Allow-Origin', '*');
  response.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
  const requested = request.headers['access-control-request-headers'];
  response.setHeader(
    'Access-Control-Allow-Headers',
    requested ? `${ALLOWED_HEADERS}, ${requested}` : ALLOWED_HEADERS,
  );
  response.setHeader('Access-Control-Max-Age', '600');
}

/** Answers a CORS preflight (`OPTIONS`) with 204 and no body. */
export function answerPreflight(response: ServerResponse): void {
  response.writeHead(204, { 'Content-Length': '0' });
  response.end();
}
