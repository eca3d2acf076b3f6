import { Server, Socket, connect, createServer } from 'node:net';

/**
 * A TCP proxy in front of a server, to take it "down" and bring it back on the same address
 * while the server itself (and its state) lives on: `down()` stops listening and cuts every
 * connection (clients see their sockets reset and new connections refused, as in an outage),
 * `up()` listens again. HTTP and WebSocket traffic both pass through it untouched.
 */
export class OutageProxy {
  private readonly connections = new Set<Socket>();
  private server: Server | undefined;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
    private port: number,
  ) {}

  /** Starts a proxy for `targetUrl` (such as `http://127.0.0.1:3100`) on a free port. */
  static async start(targetUrl: string): Promise<OutageProxy> {
    const target = new URL(targetUrl);
    const proxy = new OutageProxy(target.hostname, Number(target.port), 0);
    await proxy.up();
    return proxy;
  }

  /** The proxy's base URL, to use instead of the server's. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Whether the proxy is listening. */
  get isUp(): boolean {
    return this.server !== undefined;
  }

  /** Listens again (on the same port after the first time). Does nothing when up. */
  async up(): Promise<void> {
    if (this.server) {
      return;
    }
    const server = createServer((client) => this.pipe(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** Stops listening and resets every connection through it. Does nothing when down. */
  async down(): Promise<void> {
    const server = this.server;
    if (!server) {
      return;
    }
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.connections) {
      socket.resetAndDestroy();
    }
    this.connections.clear();
    await closed;
  }

  private pipe(client: Socket): void {
    const upstream = connect(this.targetPort, this.targetHost);
    for (const socket of [client, upstream]) {
      this.connections.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.connections.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
