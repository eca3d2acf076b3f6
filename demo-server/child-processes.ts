import { ChildProcess, SpawnOptions, spawn } from 'node:child_process';
import { join } from 'node:path';

/** The workspace root. */
export const WORKSPACE_ROOT = join(__dirname, '..');

/** The Angular CLI's entry point, run with this Node (no npx, no shell: its pid is ng's own). */
const NG_CLI = join(WORKSPACE_ROOT, 'node_modules', '@angular', 'cli', 'bin', 'ng.js');

/** A long-running child process and the promise of its exit code. */
export interface RunningChild {
  child: ChildProcess;
  /** Resolves with the exit code (or `null` when a signal ended it). */
  exited: Promise<number | null>;
}

/** Starts `ng <args>` in the workspace root, its output on ours. */
export function startNg(args: string[], options: SpawnOptions = {}): RunningChild {
  const child = spawn(process.execPath, [NG_CLI, ...args], {
    cwd: WORKSPACE_ROOT,
    stdio: 'inherit',
    ...options,
    env: { NG_CLI_ANALYTICS: 'false', ...process.env, ...options.env },
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
  return { child, exited };
}

/** Runs `ng <args>` to the end; rejects when it fails. */
export async function runNg(args: string[], options: SpawnOptions = {}): Promise<void> {
  const code = await startNg(args, options).exited;
  if (code !== 0) {
    throw new Error(`ng ${args.join(' ')} failed (exit code ${code})`);
  }
}

/**
 * Stops a child by its pid: SIGTERM, then SIGKILL if it is still running after `graceMs`.
 * Resolves once it has exited; does nothing when it already has.
 */
export async function stopChild(running: RunningChild | undefined, graceMs = 5000): Promise<void> {
  if (!running) {
    return;
  }
  const { child, exited } = running;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    return;
  }
  const pid = child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // It exited in the meantime.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  await exited.catch(() => undefined);
  clearTimeout(timer);
}
