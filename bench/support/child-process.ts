import { fork } from 'node:child_process';
import { join } from 'node:path';

/** The repository root. */
export const REPO_ROOT = join(__dirname, '..', '..');

/**
 * With `BENCH_CPU_PROFILE_DIR` set, each child writes a V8 CPU profile there when it exits (open
 * it in Chrome DevTools' Performance panel): `--cpu-prof` is not accepted in `NODE_OPTIONS`.
 */
function profilingArguments(): string[] {
  const directory = process.env['BENCH_CPU_PROFILE_DIR'];
  return directory ? ['--cpu-prof', `--cpu-prof-dir=${directory}`] : [];
}

/** What a child sends back. */
type ChildMessage<T> = { result: T } | { error: string };

/** Where a child resolves `ngx-stream-chat` from. */
export type LibrarySource = 'sources' | 'built';

/** The TypeScript config whose paths point `ngx-stream-chat` at its sources or at dist/. */
const TSCONFIGS: Record<LibrarySource, string> = {
  sources: join(REPO_ROOT, 'tsconfig.spec.json'),
  built: join(REPO_ROOT, 'bench', 'tsconfig.built-library.json'),
};

/**
 * Runs `run(mode)` of a bench or soak module in a fresh Node process (with `--expose-gc`, the
 * library resolved from its sources or from its build in dist/), so that heaps, singletons and
 * timers of one script never affect another. Kills the child (by its pid) when it outlives
 * `timeoutMs`.
 */
export function runInChild<T>(
  modulePath: string,
  args: string[],
  timeoutMs: number,
  library: LibrarySource = 'sources',
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = fork(join(__dirname, 'child-entry.ts'), [modulePath, ...args], {
      cwd: REPO_ROOT,
      execArgv: ['--expose-gc', '--import', 'tsx', ...profilingArguments()],
      env: { ...process.env, TSX_TSCONFIG_PATH: TSCONFIGS[library] },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        outcome();
      }
    };
    const timer = setTimeout(() => {
      settle(() => reject(new Error(`${modulePath} did not finish within ${timeoutMs} ms`)));
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('message', (message: ChildMessage<T>) => {
      settle(() =>
        'result' in message ? resolve(message.result) : reject(new Error(message.error)),
      );
    });
    child.on('error', (error) => settle(() => reject(error)));
    child.on('exit', (code, signal) =>
      settle(() =>
        reject(new Error(`${modulePath} exited (${signal ?? `code ${code}`}) without a result`)),
      ),
    );
  });
}
