import { fork } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/child-process';
import { RawSessionsCall, RawSessionsMessage, RawSessionsSetup } from './raw-outage-process';

/** The raw `stream-chat` sessions of the outage soak, running in a child process. */
export interface RawSessions {
  /** When each session last emitted `connection.recovered`. */
  readonly recoveredAt: Map<string, number>;
  /** Reconnects the sessions the client gave up on; resolves with their names. */
  restartStalled(): Promise<string[]>;
  /** Disconnects them and stops the process; resolves with its unhandled rejections. */
  stop(): Promise<{ unhandledRejections: number; firstRejection?: string }>;
}

/** Starts the child (see raw-outage-process.ts) and waits until its sessions are connected. */
export function startRawSessions(setup: RawSessionsSetup): Promise<RawSessions> {
  const child = fork(join(__dirname, 'raw-outage-process.ts'), [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TSX_TSCONFIG_PATH: join(REPO_ROOT, 'tsconfig.spec.json') },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const recoveredAt = new Map<string, number>();
  const waiting = new Map<
    string,
    { resolve(message: RawSessionsMessage): void; reject(e: Error): void }
  >();
  let exit: Error | undefined;
  child.on('message', (message: RawSessionsMessage) => {
    if (message.type === 'recovered') {
      recoveredAt.set(message.session, message.at);
    }
    waiting.get(message.type)?.resolve(message);
    waiting.delete(message.type);
  });
  child.on('exit', (code) => {
    exit = new Error(`the raw sessions' process exited (code ${code})`);
    waiting.forEach((call) => call.reject(exit as Error));
    waiting.clear();
  });
  const next = <T extends RawSessionsMessage['type']>(type: T, call?: RawSessionsCall) =>
    new Promise<Extract<RawSessionsMessage, { type: T }>>((resolve, reject) => {
      if (exit) {
        reject(exit);
        return;
      }
      waiting.set(type, { resolve: resolve as (message: RawSessionsMessage) => void, reject });
      if (call) child.send(call);
    });
  child.send(setup);
  return next('ready').then(() => ({
    recoveredAt,
    restartStalled: async () => (await next('restarted', { type: 'restart-stalled' })).sessions,
    stop: async () => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const stopped = await next('stopped', { type: 'stop' });
      clearTimeout(timer);
      return stopped;
    },
  }));
}
