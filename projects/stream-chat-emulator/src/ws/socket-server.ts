import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { Duplex } from 'node:stream';
import WebSocket, { RawData, WebSocketServer } from 'ws';
import { ApiError, internalError } from '../protocol/api-error';
import { CoreServices } from '../services/emulator-services';
import { ownUserResponse } from '../responses/user-responses';
import {
  ClientSession,
  DEFAULT_MAX_BUFFERED_BYTES,
  SLOW_CONSUMER_CLOSE_CODE,
} from '../sessions/client-session';
import { authenticateConnect } from './connect-handshake';

/** The `user_id` a `/connect` request names in its `json` parameter, if it is readable. */
function connectingUserId(query: URLSearchParams): string | undefined {
  try {
    const payload: unknown = JSON.parse(query.get('json') ?? '');
    const userId = (payload as { user_id?: unknown } | null)?.user_id;
    return typeof userId === 'string' ? userId : undefined;
  } catch {
    return undefined;
  }
}

/** Largest WebSocket frame accepted from clients. */
const MAX_FRAME_BYTES = 1024 * 1024;

/** How long {@link SocketServer.close} waits for clients to acknowledge the close. */
const CLOSE_GRACE_MS = 250;

/**
 * The `/connect` WebSocket endpoint: authenticates, registers the connection, sends the
 * first `health.check` with the full `me`, answers pings, ignores malformed frames, and
 * cleans up watches and presence when the socket closes.
 */
export class SocketServer {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly sockets = new Set<WebSocket>();

  /**
   * @param services the emulator's services.
   * @param maxBufferedBytes most bytes a socket may hold unsent before it is closed as a
   * slow consumer (see `ClientSession.sendJson`).
   */
  constructor(
    private readonly services: CoreServices,
    private readonly maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES,
  ) {}

  /** Handles an HTTP upgrade request; only `/connect` is accepted. */
  handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', 'http://emulator.local');
    if (url.pathname !== '/connect') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    socket.on('error', () => socket.destroy());
    if (this.services.connectionRefusals.isRefused(connectingUserId(url.searchParams))) {
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, url.searchParams));
  };

  /**
   * Closes the matching connections with a close code (1006: cut without a close frame).
   * They are unregistered at once, so counts and presence update immediately.
   * @returns how many were closed.
   */
  dropSockets(userId: string | undefined, code: number): number {
    const targets = this.services.sessions
      .all()
      .filter((session) => userId === undefined || session.userId === userId);
    for (const session of targets) {
      this.endSession(session);
      if (code === 1006) {
        session.terminate();
      } else {
        session.close(code, 'dropped by the emulator');
      }
    }
    return targets.length;
  }

  /** Closes every socket (1001, "going away") and stops accepting new ones. */
  async close(): Promise<void> {
    for (const session of this.services.sessions.all()) {
      this.endSession(session);
    }
    const closing = [...this.sockets].map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) {
            resolve();
            return;
          }
          const timer = setTimeout(() => {
            ws.terminate();
            resolve();
          }, CLOSE_GRACE_MS);
          ws.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          ws.close(1001, 'stream-chat-emulator is shutting down');
        }),
    );
    await Promise.all(closing);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(ws: WebSocket, query: URLSearchParams): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('error', () => ws.terminate());
    try {
      const identity = authenticateConnect(this.services, query);
      if (!identity.anonymous) {
        for (const hooks of this.services.hooks) {
          hooks.beforeConnect?.(this.services, identity.userId);
        }
      }
      this.open(ws, identity.userId, identity.anonymous, identity.userFields);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : internalError(String(error));
      if (!(error instanceof ApiError)) {
        this.services.log(`internal error on connect: ${String(error)}`);
      }
      ws.send(JSON.stringify({ error: apiError.toBody('Connect') }));
      ws.close(1000, 'connection refused');
    }
  }

  private open(
    ws: WebSocket,
    userId: string,
    anonymous: boolean,
    userFields: Record<string, unknown>,
  ): void {
    const { services } = this;
    if (!anonymous) {
      const { changed } = services.store.users.merge(userId, userFields);
      if (changed && services.sessions.isOnline(userId)) {
        services.presence.announceUpdate(userId);
      }
    }
    const session = new ClientSession(randomUUID(), userId, anonymous, ws, {
      maxBufferedBytes: this.maxBufferedBytes,
      onSlowConsumer: (slow, bufferedBytes) => {
        services.log(
          `closed a slow consumer (connection ${slow.id}, user ${slow.userId}): ` +
            `${bufferedBytes} bytes unsent, the limit is ${this.maxBufferedBytes}; close code ` +
            `${SLOW_CONSUMER_CLOSE_CODE}`,
        );
        this.endSession(slow);
      },
    });
    const wasOnline = services.sessions.isOnline(userId);
    services.sessions.add(session);
    if (!anonymous) {
      services.store.users.touch(userId);
    }
    session.send({
      type: 'health.check',
      connection_id: session.id,
      cid: '*',
      created_at: services.store.clock.next(),
      me: ownUserResponse(services, userId),
    });
    if (!anonymous && !wasOnline) {
      services.presence.announcePresence(userId, session);
    }
    ws.on('message', (data, isBinary) => this.receive(session, data, isBinary));
    ws.on('close', () => this.endSession(session));
  }

  /** Answers `health.check` pings (sent as a JSON array); anything else is ignored. */
  private receive(session: ClientSession, data: RawData, isBinary: boolean): void {
    if (isBinary) {
      return;
    }
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      return;
    }
    const events = Array.isArray(frame) ? frame : [frame];
    const isPing = events.some(
      (event) =>
        typeof event === 'object' &&
        event !== null &&
        (event as { type?: unknown }).type === 'health.check',
    );
    if (isPing) {
      session.send({
        type: 'health.check',
        connection_id: session.id,
        cid: '*',
        created_at: this.services.store.clock.next(),
      });
    }
  }

  /** Unregisters a connection once: ends its watches and announces the user offline if it was the last. */
  private endSession(session: ClientSession): void {
    const { services } = this;
    if (services.sessions.get(session.id) !== session) {
      return;
    }
    const watched = services.sessions.remove(session);
    services.watching.connectionClosed(session, watched);
    if (!session.anonymous && !services.sessions.isOnline(session.userId)) {
      services.store.users.touch(session.userId);
      services.presence.announcePresence(session.userId);
    }
  }
}
