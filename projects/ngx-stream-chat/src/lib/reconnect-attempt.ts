import type { StableWSConnection, StreamChat } from 'stream-chat';
import { StreamChatError, socketNotOpenedError } from './stream-chat-errors';
import { readTokenPayload } from './token-payload';
import { fromVendorError } from './vendor-error';

/** Stream's error code for an expired token. */
const TOKEN_EXPIRED = 40;
/** A token this close to its expiry is renewed before reconnecting rather than refused after. */
const EXPIRY_MARGIN_MS = 2_000;

/** How one reconnect attempt ended. */
export type ReconnectOutcome =
  /** The socket is open and the client's state was recovered (`connection.recovered` was emitted). */
  | { kind: 'recovered' }
  /** The client is opening a socket right now; try again a little later. */
  | { kind: 'busy' }
  /** The connection was closed on purpose (`closeConnection()`, `disconnectUser()`): stop. */
  | { kind: 'closed' }
  /** The socket did not open: the server is down or unreachable. Retry once it answers. */
  | { kind: 'unreachable'; error: StreamChatError }
  /** The token provider failed (or did not answer in time). Retry after a pause. */
  | { kind: 'token-failed'; error: StreamChatError }
  /** The server said the token has expired. A provider session retries with a fresh token. */
  | { kind: 'token-expired'; error: StreamChatError }
  /** The server refused the session for good (revoked or invalid token, unknown key...). */
  | { kind: 'refused'; error: StreamChatError }
  /** The socket is open but recovering the state failed; retry the recovery. */
  | { kind: 'state-failed'; error: StreamChatError };

/** Options of {@link reconnectOnce}. */
export interface ReconnectOptions {
  /** Whether to fetch a fresh token from the provider first, whatever the current one says. */
  refreshToken: boolean;
  /** How long the socket may take to open (the client's `defaultWSTimeout`). */
  connectTimeoutMs: number;
  /** Whether the session ended meanwhile: a socket opened for it is then closed at once. */
  isCancelled(): boolean;
}

/** Whether a token's `exp` has passed, or is about to. Tokens without `exp` never expire. */
export function tokenHasExpired(token: string | undefined, now = Date.now()): boolean {
  const exp = token ? readTokenPayload(token)?.['exp'] : undefined;
  return typeof exp === 'number' && exp * 1000 <= now + EXPIRY_MARGIN_MS;
}

/**
 * Makes one attempt to bring a session back, with the client's own parts and in the order its
 * own reconnect uses: a fresh token from the provider when the current one has expired (or the
 * last provider call failed), then a new socket on the same connection object, then
 * `client.recoverState()`, which re-queries the active channels and emits `connection.recovered`.
 * A socket that is already healthy is kept, and only the state is recovered.
 *
 * Never rejects: every failure is an outcome that says what to do next.
 */
export async function reconnectOnce(
  client: StreamChat,
  connection: StableWSConnection,
  options: ReconnectOptions,
): Promise<ReconnectOutcome> {
  if (connection.isDisconnected || client.wsConnection !== connection) {
    return { kind: 'closed' };
  }
  const tokenFailure = await renewTokenIfNeeded(client, options.refreshToken);
  if (tokenFailure) {
    return tokenFailure;
  }
  if (!connection.isHealthy) {
    const opened = await openSocket(connection, options);
    if (opened) {
      return opened;
    }
  }
  if (options.isCancelled()) {
    return { kind: 'closed' };
  }
  try {
    await client.recoverState();
  } catch (error) {
    return { kind: 'state-failed', error: fromVendorError(error, 'Recovering the chat state') };
  }
  connection.consecutiveFailures = 0;
  return { kind: 'recovered' };
}

async function renewTokenIfNeeded(
  client: StreamChat,
  refresh: boolean,
): Promise<ReconnectOutcome | undefined> {
  const tokens = client.tokenManager;
  if (tokens.isStatic()) {
    return undefined;
  }
  const lastLoadFailed = await (tokens.tokenReady() ?? Promise.resolve()).then(
    () => false,
    () => true,
  );
  if (!refresh && !lastLoadFailed && !tokenHasExpired(tokens.token)) {
    return undefined;
  }
  try {
    await tokens.loadToken();
    return undefined;
  } catch (error) {
    return { kind: 'token-failed', error: fromVendorError(error, 'Fetching a token to reconnect') };
  }
}

/** Opens a new socket; resolves with `undefined` once it is open, or with what went wrong. */
async function openSocket(
  connection: StableWSConnection,
  options: ReconnectOptions,
): Promise<ReconnectOutcome | undefined> {
  if (connection.isConnecting) {
    return { kind: 'busy' };
  }
  discardSocket(connection);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let socket: StableWSConnection['ws'];
  // The client creates the socket a few microtasks into _connect(); note it, so that it can be
  // closed if the session ends while it opens (disconnect() forgets a socket still connecting).
  const noteSocket = setTimeout(() => (socket = connection.ws), 0);
  const connecting = connection._connect();
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.connectTimeoutMs);
  });
  try {
    const opened = await Promise.race([connecting, timedOut]);
    if (opened === 'timeout') {
      connecting.catch(() => undefined);
      discardSocket(connection);
      connection.isConnecting = false;
      return {
        kind: 'unreachable',
        error: socketNotOpenedError(`no answer within ${options.connectTimeoutMs} ms`),
      };
    }
    return opened ? undefined : { kind: 'busy' };
  } catch (error) {
    return outcomeOfSocketError(error);
  } finally {
    clearTimeout(timer);
    clearTimeout(noteSocket);
    if (options.isCancelled()) {
      closeQuietly(socket ?? connection.ws);
    }
  }
}

/** What a failed `_connect()` means. */
function outcomeOfSocketError(error: unknown): ReconnectOutcome {
  const fields = error as { code?: unknown; isWSFailure?: unknown; message?: unknown };
  const message = String(fields.message ?? error);
  if (message.includes('Call to tokenProvider failed')) {
    return { kind: 'token-failed', error: fromVendorError(error, 'Fetching a token to reconnect') };
  }
  if (fields.code === TOKEN_EXPIRED) {
    return { kind: 'token-expired', error: fromVendorError(error, 'Reconnecting') };
  }
  // Stream's API error codes are small numbers; WebSocket close codes (1000 and up) and failures
  // to reach the server at all are worth retrying.
  if (typeof fields.code === 'number' && fields.code < 1000 && fields.isWSFailure !== true) {
    return { kind: 'refused', error: fromVendorError(error, 'Reconnecting') };
  }
  return { kind: 'unreachable', error: socketNotOpenedError(message, error) };
}

/**
 * Drops the connection's current socket: its events are ignored from now on (the client's own
 * `_destroyCurrentWSConnection`), and it is closed (which that method skips in browsers, where
 * sockets have no `removeAllListeners`).
 */
function discardSocket(connection: StableWSConnection): void {
  const socket = connection.ws;
  connection._destroyCurrentWSConnection();
  closeQuietly(socket);
}

function closeQuietly(socket: StableWSConnection['ws']): void {
  try {
    socket?.close();
  } catch {
    // Closing a socket that failed to open can throw; it is gone either way.
  }
}
