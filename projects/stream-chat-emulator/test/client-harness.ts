import { Event, StreamChat, StreamChatOptions } from 'stream-chat';
import { EmulatorOptions, RunningEmulator, startEmulator } from '../src';

/**
 * Connect timeout used in tests. `defaultWSTimeout` is not a constructor option of
 * stream-chat 9.53 (the constructor sets the property to 15 s), so it is set on the
 * instance. Each connect leaves a timer of this length running even after success, so it
 * is kept short; tests that wait for a token refresh during the connect pass a longer one.
 */
export const TEST_WS_TIMEOUT_MS = 1000;

/**
 * Runs one emulator for the spec file: started before all tests (on a free port, quiet),
 * every pool client disconnected after each test, closed after all. `onStarted` receives it.
 * @returns the pool that makes clients against it.
 */
export function emulatorForSpecFile(
  onStarted: (emulator: RunningEmulator) => void,
  options: EmulatorOptions = {},
): ClientPool {
  let emulator: RunningEmulator | undefined;
  const pool = new ClientPool(() => emulator as RunningEmulator);
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, quiet: true, ...options });
    onStarted(emulator);
  });
  afterEach(() => pool.disconnectAll());
  afterAll(() => emulator?.close());
  return pool;
}

/** How long stream-chat waits before announcing an unhealthy connection (`_setHealth`). */
const UNHEALTHY_EVENT_DELAY_MS = 5000;

/**
 * Creates `stream-chat` clients against an emulator and tears them all down
 * (`disconnectUser(0)`) at the end of a test, so no timer or socket outlives it.
 */
export class ClientPool {
  private readonly clients: StreamChat[] = [];
  private lastDropAt = 0;

  constructor(private readonly emulator: () => RunningEmulator) {}

  /**
   * A new user-side client (never the singleton), pointed at the emulator.
   * @param wsTimeoutMs the connect timeout (`defaultWSTimeout`).
   */
  client(
    options: StreamChatOptions = {},
    { apiKey, wsTimeoutMs }: { apiKey?: string; wsTimeoutMs?: number } = {},
  ): StreamChat {
    const emulator = this.emulator();
    const client = new StreamChat(apiKey ?? emulator.apiKey, {
      baseURL: emulator.url,
      allowServerSideConnect: true,
      ...options,
    });
    client.defaultWSTimeout = wsTimeoutMs ?? TEST_WS_TIMEOUT_MS;
    this.clients.push(client);
    return client;
  }

  /** A server-side client (API secret, server token, no socket). */
  server(): StreamChat {
    const emulator = this.emulator();
    return new StreamChat(emulator.apiKey, emulator.apiSecret, { baseURL: emulator.url });
  }

  /** A client connected as `userId` with a static token signed by the emulator. */
  async connected(userId: string, fields: Record<string, unknown> = {}): Promise<StreamChat> {
    const client = this.client();
    await client.connectUser({ id: userId, ...fields }, this.emulator().createToken(userId));
    return client;
  }

  /**
   * Records that a connected client just lost its socket. The client then starts a 5 s
   * timer (its delayed `connection.changed` offline event) that no API can cancel;
   * {@link ClientPool.settle} waits for it so that no handle outlives the spec file.
   */
  socketsDropped(): void {
    this.lastDropAt = Date.now();
  }

  /** Waits until the timers clients start when their socket drops have run out. */
  async settle(): Promise<void> {
    const remaining = this.lastDropAt + UNHEALTHY_EVENT_DELAY_MS + 50 - Date.now();
    if (remaining > 0) {
      await new Promise((resolve) => setTimeout(resolve, remaining));
    }
  }

  /**
   * Disconnects every client made by this pool, then waits until the emulator has seen
   * every socket close (`disconnectUser(0)` does not wait for that), so the next test
   * starts clean; fails when a socket stays open.
   */
  async disconnectAll(): Promise<void> {
    const clients = this.clients.splice(0);
    await Promise.all(clients.map((client) => client.disconnectUser(0)));
    await this.emulator().faults.waitForConnectionCount(0, { timeoutMs: 2000 });
  }
}

/**
 * Resolves with the next event of `type` (matching `predicate`) the client receives.
 * @throws Error after `timeoutMs` without one.
 */
export function nextEvent(
  client: StreamChat,
  type: string,
  predicate: (event: Event) => boolean = () => true,
  timeoutMs = 3000,
): Promise<Event> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new Error(`no ${type} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const subscription = client.on(type, (event) => {
      if (predicate(event)) {
        clearTimeout(timer);
        subscription.unsubscribe();
        resolve(event);
      }
    });
  });
}

/** Parses the JSON error message `connectUser` rejects with (`{code, StatusCode, message, isWSFailure}`). */
export function connectErrorOf(error: unknown): {
  code: number;
  StatusCode: number;
  message: string;
} {
  return JSON.parse((error as Error).message) as {
    code: number;
    StatusCode: number;
    message: string;
  };
}

/** Awaits a promise that must reject, and returns what it rejected with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/**
 * Passes custom fields (a channel `name`, a user `color`...) where stream-chat's types
 * only know the fields declared through module augmentation, which tests do not use.
 */
export function customFields<T>(fields: object): T {
  return fields as unknown as T;
}
