import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/** How one command ended. */
export interface CommandResult {
  /** Whether it exited with status 0 within its time limit. */
  ok: boolean;
  /** How long it ran, in milliseconds. */
  durationMs: number;
  /** Why it failed (exit status, signal or time limit); empty when `ok`. */
  failure: string;
}

/** Where a command runs and where its output goes. */
export interface CommandOptions {
  cwd: string;
  /** The file that receives the command's stdout and stderr (appended). */
  logFile: string;
  /** The most it may run before it is stopped. */
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs `command` with `args` (no shell), its output appended to `logFile`. A command that runs
 * past its time limit is stopped with its whole process group (it runs in a group of its own),
 * so no server or compiler it started outlives it.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<CommandResult> {
  const started = performance.now();
  const log = createWriteStream(options.logFile, { flags: 'a' });
  log.write(`\n$ ${[command, ...args].join(' ')}   (in ${options.cwd})\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        process.kill(-child.pid, 'SIGKILL');
      }
    }, options.timeoutMs);
    const finish = (failure: string) => {
      clearTimeout(timer);
      log.end(() =>
        resolve({ ok: failure === '', durationMs: performance.now() - started, failure }),
      );
    };
    child.on('error', (error) => finish(`could not start ${command}: ${error.message}`));
    child.on('close', (code, signal) => {
      if (timedOut) {
        finish(`stopped after ${Math.round(options.timeoutMs / 1000)} s`);
      } else if (code !== 0) {
        finish(signal ? `killed by ${signal}` : `exit status ${code}`);
      } else {
        finish('');
      }
    });
  });
}
