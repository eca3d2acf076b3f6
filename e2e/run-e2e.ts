/**
 * `npm run e2e`: builds the library and the demo (production), then runs the browser scenarios
 * (`e2e/*.e2e.ts`) and the token endpoint's specs with Node's test runner, one file at a time.
 * Each scenario file starts its own emulator, token endpoint, static server and Chromium on free
 * ports of 127.0.0.1, and stops them. Exits non-zero when anything fails.
 *
 *   npm run e2e                                  build, then every scenario
 *   npm run e2e -- --no-build e2e/guest.e2e.ts   skip the build, run some files
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RunningChild, WORKSPACE_ROOT, startNg, stopChild } from '../demo-server/child-processes';
import { CHROMIUM_PATH } from './support/chromium';

function log(message: string): void {
  process.stdout.write(`[e2e] ${message}\n`);
}

function specFiles(): string[] {
  const inFolder = (folder: string, suffix: string) =>
    readdirSync(join(WORKSPACE_ROOT, folder))
      .filter((name) => name.endsWith(suffix))
      .sort()
      .map((name) => join(folder, name));
  return [...inFolder('demo-server', '.spec.ts'), ...inFolder('e2e', '.e2e.ts')];
}

/** The child running now (a build or the tests), stopped on Ctrl-C. */
let current: RunningChild | undefined;

async function ng(args: string[]): Promise<void> {
  current = startNg(args);
  const code = await current.exited;
  if (code !== 0) {
    throw new Error(`ng ${args.join(' ')} failed (exit code ${code})`);
  }
}

async function main(argv: string[]): Promise<number> {
  const build = !argv.includes('--no-build');
  const chosen = argv.filter((arg) => !arg.startsWith('--'));
  const files =
    chosen.length > 0 ? chosen.map((file) => relative(WORKSPACE_ROOT, file)) : specFiles();
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium`,
    );
  }
  const started = Date.now();
  if (build) {
    log('building the library and the demo');
    await ng(['build', 'ngx-stream-chat']);
    await ng(['build', 'demo', '--configuration', 'production']);
  }
  log(`running ${files.length} files: ${files.join(', ')}`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
    { cwd: WORKSPACE_ROOT, stdio: 'inherit' },
  );
  current = {
    child,
    exited: new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => resolve(code));
    }),
  };
  const code = (await current.exited) ?? 1;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(
    code === 0
      ? `PASSED: ${files.length} files in ${seconds} s; screenshots in e2e/artifacts/`
      : `FAILED (exit code ${code}) after ${seconds} s; screenshots so far in e2e/artifacts/`,
  );
  return code;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal} received, stopping the test run`);
    void stopChild(current).finally(() => process.exit(130));
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
