import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { signToken } from '../projects/ngx-stream-chat/testing/src/user-token';

/** Options of {@link startTokenEndpoint}. */
export interface TokenEndpointOptions {
  /** The Stream API key the tokens are for. */
  apiKey: string;
  /** The app secret that signs the tokens. Never ship it to a browser. */
  apiSecret: string;
  /** TCP port; 0 picks a free one. Default 3101. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /**
   * Origins allowed to call the endpoint from a browser: a list, or a test. Default: pages served
   * from this machine (`localhost`, `127.0.0.1`, `[::1]`, any port), such as the demo's dev server.
   */
  allowedOrigins?: readonly string[] | ((origin: string) => boolean);
  /** Token lifetime when the request names none. Default 60 s. */
  defaultExpiresInSeconds?: number;
}

/** A started token endpoint. */
export interface RunningTokenEndpoint {
  /** The base URL, e.g. `http://127.0.0.1:3101`. */
  url: string;
  /** The URL the demo calls: `${url}/token`. */
  tokenUrl: string;
  /** How many tokens were issued so far, per user id. */
  issuedTokens(userId?: string): number;
  /** Stops listening and closes every connection. Safe to call twice. */
  close(): Promise<void>;
}

/** The port `npm start` uses. */
export const DEFAULT_TOKEN_ENDPOINT_PORT = 3101;

/** Whether a browser origin is a page served from this machine. */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
    );
  } catch {
    return false;
  }
}

/** Longest lifetime a caller may ask for: one day. */
const MAX_EXPIRES_IN_SECONDS = 24 * 60 * 60;

/** User ids Stream accepts; the server refuses any other id, whatever the token says. */
const USER_ID_PATTERN = /^[A-Za-z0-9@_.-]{1,255}$/;

type TokenRequest = { userId: string; expiresInSeconds: number } | { error: string };

function parseTokenRequest(url: URL, defaultExpiresInSeconds: number): TokenRequest {
  const userId = url.searchParams.get('user_id') ?? '';
  if (!USER_ID_PATTERN.test(userId)) {
    return {
      error:
        'user_id is required and may only contain letters, digits, "@", "_", "-" and "." ' +
        '(at most 255 characters)',
    };
  }
  const expiresIn = url.searchParams.get('expires_in');
  const expiresInSeconds = expiresIn === null ? defaultExpiresInSeconds : Number(expiresIn);
  if (
    !Number.isInteger(expiresInSeconds) ||
    expiresInSeconds < 1 ||
    expiresInSeconds > MAX_EXPIRES_IN_SECONDS
  ) {
    return {
      error: `expires_in must be a whole number of seconds from 1 to ${MAX_EXPIRES_IN_SECONDS}`,
    };
  }
  return { userId, expiresInSeconds };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

function applyCors(
  request: IncomingMessage,
  response: ServerResponse,
  allowed: (origin: string) => boolean,
) {
  const origin = request.headers.origin;
  if (origin && allowed(origin)) {
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Vary', 'Origin');
    response.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS');
    response.setHeader('Access-Control-Max-Age', '600');
  }
}

/**
 * Starts the demo's "own backend": `GET /token?user_id=alice[&expires_in=60]` answers
 * `{"token": "<JWT>"}`, signed with the app secret by `signToken` (the workspace's one signer,
 * from ngx-stream-chat/testing), whose payload the client can always read (unlike
 * `stream-chat`'s `createToken`, whose base64url payload can hold `-` or `_`). Tokens carry `iat`
 * and expire after `expires_in` seconds (60 by default).
 *
 * It signs a token for whoever asks: a real backend first checks that the caller is signed in
 * as that user. Binds 127.0.0.1 by default.
 *
 * @example
 * const endpoint = await startTokenEndpoint({ apiKey: 'emulator-key', apiSecret: 'emulator-secret' });
 * // fetch(`${endpoint.tokenUrl}?user_id=alice`) → {"token": "eyJ..."}
 * await endpoint.close();
 */
export async function startTokenEndpoint(
  options: TokenEndpointOptions,
): Promise<RunningTokenEndpoint> {
  const origins = options.allowedOrigins ?? isLoopbackOrigin;
  const allowedOrigins =
    typeof origins === 'function' ? origins : (origin: string) => origins.includes(origin);
  const defaultExpiresInSeconds = options.defaultExpiresInSeconds ?? 60;
  const issued = new Map<string, number>();

  const server: Server = createServer((request, response) => {
    applyCors(request, response, allowedOrigins);
    const url = new URL(request.url ?? '/', 'http://token-endpoint');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { 'Content-Length': '0' });
      response.end();
      return;
    }
    if (url.pathname !== '/token') {
      sendJson(response, 404, { error: 'not found: use GET /token?user_id=<id>' });
      return;
    }
    if (request.method !== 'GET') {
      sendJson(response, 405, { error: 'use GET /token?user_id=<id>' });
      return;
    }
    const tokenRequest = parseTokenRequest(url, defaultExpiresInSeconds);
    if ('error' in tokenRequest) {
      sendJson(response, 400, { error: tokenRequest.error });
      return;
    }
    const issuedAt = Math.floor(Date.now() / 1000);
    const token = signToken(options.apiSecret, {
      user_id: tokenRequest.userId,
      exp: issuedAt + tokenRequest.expiresInSeconds,
      iat: issuedAt,
    });
    issued.set(tokenRequest.userId, (issued.get(tokenRequest.userId) ?? 0) + 1);
    sendJson(response, 200, { token });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_TOKEN_ENDPOINT_PORT, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address}:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    tokenUrl: `${url}/token`,
    issuedTokens: (userId) =>
      userId === undefined
        ? [...issued.values()].reduce((sum, count) => sum + count, 0)
        : (issued.get(userId) ?? 0),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
