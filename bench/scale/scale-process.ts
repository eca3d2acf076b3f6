import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/child-process';
import { ScaleMemory, ScaleReady, ScaleSeedSize } from './scale-seed';

/** The scale benchmark's emulator, running in its own process. */
export interface ScaleEmulator extends ScaleReady {
  /** The emulator's heap and RSS, after a full GC when `gc`. */
  memory(gc: boolean): Promise<ScaleMemory>;
  /** Starts sampling the emulator's memory every 5 ms. */
  peakStart(): Promise<void>;
  /** Stops sampling. @returns the highest heap and RSS seen. */
  peakStop(): Promise<ScaleMemory>;
  /** Closes the emulator and waits for its process to exit. */
  stop(): Promise<void>;
}

/** Starts the emulator of this checkout in a child process with the scale seed. */
export function startScaleEmulator(
  size: ScaleSeedSize,
  maxSocketBufferBytes: number,
): Promise<ScaleEmulator> {
  const child = fork(join(__dirname, 'scale-server.ts'), [], {
    cwd: REPO_ROOT,
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, TSX_TSCONFIG_PATH: join(REPO_ROOT, 'tsconfig.spec.json') },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.send({ size, maxSocketBufferBytes });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`scale emulator exited (code ${code})`)));
    child.once('message', (ready: ScaleReady) => resolve(scaleEmulator(child, ready)));
  });
}

function scaleEmulator(child: ChildProcess, ready: ScaleReady): ScaleEmulator {
  let nextId = 1;
  const pending = new Map<number, (value: unknown) => void>();
  child.on('message', (message: { id?: number; value?: unknown }) => {
    if (message.id !== undefined) {
      pending.get(message.id)?.(message.value);
      pending.delete(message.id);
    }
  });
  const call = <T>(method: string, fields: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (value: unknown) => void);
      child.send({ id, method, ...fields });
    });
  return {
    ...ready,
    memory: (gc) => call('memory', { gc }),
    peakStart: () => call('peakStart'),
    peakStop: () => call('peakStop'),
    stop: async () => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      void call('stop');
      await exited;
      clearTimeout(timer);
    },
  };
}
