import WebSocket from 'ws';

/**
 * One open WebSocket: a connection id, the user it acts as, and what it subscribed to.
 * Watches and presence subscriptions belong to the connection and end with it.
 */
export class ClientSession {
  /** The cids this connection watches. */
  readonly watching = new Set<string>();
  /** The user ids whose presence changes this connection receives. */
  readonly presenceOf = new Set<string>();

  /**
   * @param id the `connection_id` sent in the first `health.check`.
   * @param userId the user the connection acts as (`!anon` for anonymous connections).
   * @param anonymous whether the connection is anonymous.
   * @param socket the underlying socket.
   */
  constructor(
    readonly id: string,
    readonly userId: string,
    readonly anonymous: boolean,
    private readonly socket: WebSocket,
  ) {}

  /** Whether the socket is still open. */
  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends one event as a JSON text frame; does nothing once the socket is closing. */
  send(event: object): void {
    if (this.open) {
      this.socket.send(JSON.stringify(event));
    }
  }

  /**
   * Sends an event that is already JSON text, so that one serialisation serves every
   * recipient; does nothing once the socket is closing.
   */
  sendJson(json: string): void {
    if (this.open) {
      this.socket.send(json);
    }
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

  /** Drops the socket without a close handshake. */
  terminate(): void {
    this.socket.terminate();
  }
}
