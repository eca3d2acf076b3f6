import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { signUserToken } from 'ngx-stream-chat/testing';
import { SeedData } from 'stream-chat-emulator';
import { REPO_ROOT } from './child-process';
import { EmulatorReady } from './emulator-process';

/**
 * An emulator running in a process of its own, so that its CPU and heap never mix with the
 * figures of the process that measures the clients.
 */
export interface RemoteEmulator {
  url: string;
  apiKey: string;
  apiSecret: string;
  /** The emulator process's pid. */
  pid: number;
  /** Whether the emulator process has exited (by itself, or after `stop()`). */
  exited(): boolean;
  /** A user token signed with the emulator's secret. */
  createToken(userId: string): string;
  /** How many sockets the emulator has open, for one user or in total. */
  connectionCount(userId?: string): Promise<number>;
  /** Closes sockets through fault injection. @returns how many. */
  dropSockets(options?: { userId?: string; code?: number }): Promise<number>;
  /** The emulator's heap after a full GC, in bytes. */
  heapUsed(): Promise<number>;
  /** Closes the emulator and waits for its process to exit. */
  stop(): Promise<void>;
}

/** Starts an emulator in a child process (killed by its pid if it does not stop). */
export function startEmulatorProcess(
  seed: SeedData = { users: [], channels: [] },
): Promise<RemoteEmulator> {
  const child = fork(join(__dirname, 'emulator-process.ts'), [], {
    cwd: REPO_ROOT,
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, TSX_TSCONFIG_PATH: join(REPO_ROOT, 'tsconfig.spec.json') },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.send(seed);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emulator process exited (code ${code})`)));
    child.once('message', (ready: EmulatorReady) => resolve(remoteEmulator(child, ready)));
  });
}

function remoteEmulator(child: ChildProcess, ready: EmulatorReady): RemoteEmulator {
  let nextId = 1;
  let exited = false;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  child.on('message', (message: { id?: number; value?: unknown }) => {
    if (message.id !== undefined) {
      pending.get(message.id)?.resolve(message.value);
      pending.delete(message.id);
    }
  });
  child.on('exit', (code, signal) => {
    exited = true;
    for (const call of pending.values()) {
      call.reject(new Error(`emulator process exited (${signal ?? `code ${code}`})`));
    }
    pending.clear();
  });
  const call = <T>(method: string, fields: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (exited) {
        reject(new Error('emulator process has exited'));
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, method, ...fields });
    });
  return {
    url: ready.url,
    apiKey: ready.apiKey,
    apiSecret: ready.apiSecret,
    pid: child.pid ?? -1,
    exited: () => exited,
    createToken: (userId) => signUserToken(ready.apiSecret, userId),
    connectionCount: (userId) => call('connectionCount', { userId }),
    dropSockets: (options = {}) => call('dropSockets', options),
    heapUsed: () => call('heapUsed'),
    stop: async () => {
      if (exited) {
        return;
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      const closed = new Promise<void>((resolve) =>
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        }),
      );
      call('stop').catch(() => undefined);
      await closed;
    },
  };
}
