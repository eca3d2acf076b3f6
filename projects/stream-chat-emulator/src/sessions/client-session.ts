import WebSocket from 'ws';

/** Default limit of a socket's unsent bytes before it is closed as a slow consumer: 4 MiB. */
export const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * Close code for a socket whose reader fell too far behind (1008, policy violation); the
 * client reconnects and fetches the state again.
 */
export const SLOW_CONSUMER_CLOSE_CODE = 1008;

/** Close reason sent with {@link SLOW_CONSUMER_CLOSE_CODE}. */
export const SLOW_CONSUMER_REASON = 'slow consumer: too many unread events';

/** How long a slow consumer has to acknowledge the close before its socket is cut. */
const SLOW_CONSUMER_GRACE_MS = 5000;

/** How a connection bounds what it holds for a reader that does not read. */
export interface SendBufferLimit {
  /** Most bytes waiting to be sent before the socket is closed (default 4 MiB). */
  maxBufferedBytes: number;
  /** Told once when the socket is closed as a slow consumer, with the bytes it held. */
  onSlowConsumer(session: ClientSession, bufferedBytes: number): void;
}

/**
 * One open WebSocket: a connection id, the user it acts as, and what it subscribed to.
 * Watches and presence subscriptions belong to the connection and end with it.
 */
export class ClientSession {
  /** The cids this connection watches. */
  readonly watching = new Set<string>();
  /** The user ids whose presence changes this connection receives. */
  readonly presenceOf = new Set<string>();
  /** Whether the socket was closed because its reader fell behind. */
  slowConsumer = false;

  /**
   * @param id the `connection_id` sent in the first `health.check`.
   * @param userId the user the connection acts as (`!anon` for anonymous connections).
   * @param anonymous whether the connection is anonymous.
   * @param socket the underlying socket.
   * @param limit the send buffer limit; without it, nothing is bounded (unit tests).
   */
  constructor(
    readonly id: string,
    readonly userId: string,
    readonly anonymous: boolean,
    private readonly socket: WebSocket,
    private readonly limit?: SendBufferLimit,
  ) {}

  /** Whether the socket is still open. */
  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends one event as a JSON text frame; does nothing once the socket is closing. */
  send(event: object): void {
    this.sendJson(JSON.stringify(event));
  }

  /**
   * Sends an event that is already JSON text, so that one serialisation serves every
   * recipient; does nothing once the socket is closing. When the bytes waiting to be sent
   * (`ws.bufferedAmount`) would pass the limit, the event is not sent: the socket is closed
   * with {@link SLOW_CONSUMER_CLOSE_CODE} and cut if the close is not acknowledged in time,
   * so a reader that never reads cannot grow the server's memory without bound.
   */
  sendJson(json: string): void {
    if (!this.open) {
      return;
    }
    const buffered = this.socket.bufferedAmount;
    if (this.limit && buffered + json.length > this.limit.maxBufferedBytes) {
      this.closeSlowConsumer(buffered);
      return;
    }
    this.socket.send(json);
  }

  /** Closes the socket with a close code (1000 keeps the client away; others make it reconnect). */
  close(code: number, reason: string): void {
    if (
      this.socket.readyState === WebSocket.OPEN ||
      this.socket.readyState === WebSocket.CONNECTING
    ) {
      this.socket.close(code, reason);
    }
  }

  private closeSlowConsumer(buffered: number): void {
    this.slowConsumer = true;
    this.socket.close(SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_REASON);
    const cut = setTimeout(() => this.socket.terminate(), SLOW_CONSUMER_GRACE_MS);
    cut.unref();
    this.socket.once('close', () => clearTimeout(cut));
    this.limit?.onSlowConsumer(this, buffered);
  }

  /** Drops the socket without a close handshake. */
  terminate(): void {
    this.socket.terminate();
  }
}
