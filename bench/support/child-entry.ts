/*
 * Runs in a child process started by runInChild: imports a bench or soak module, calls its
 * run(mode) and sends the result to the parent, then exits whatever timers are left.
 */
// Partially compiled Angular packages (and the library's decorators) need the JIT compiler in Node.
import '@angular/compiler';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './child-process';
import { RunMode, runModeFromArgs } from './run-mode';
import { SoakReport } from './report-model';
import { recordUnhandledRejections, unhandledRejections } from './unhandled-rejections';

interface RunnableModule {
  run?(mode: RunMode): Promise<unknown>;
  default?: RunnableModule;
}

async function main(): Promise<void> {
  recordUnhandledRejections();
  const [modulePath, ...args] = process.argv.slice(2);
  try {
    const url = pathToFileURL(join(REPO_ROOT, modulePath)).href;
    const module = (await import(url)) as RunnableModule;
    const run = module.run ?? module.default?.run;
    if (!run) {
      throw new Error(`${modulePath} exports no run(mode) function`);
    }
    const result = await run(runModeFromArgs(args));
    addRejectionCheck(result);
    process.send?.({ result }, () => process.exit(0));
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.send?.({ error: text }, () => process.exit(1));
  }
}

/** Soak reports also fail on promise rejections that nothing handled while they ran. */
function addRejectionCheck(result: unknown): void {
  const checks = (result as Partial<SoakReport>).checks;
  if (Array.isArray(checks)) {
    checks.push({
      check: 'unhandled promise rejections',
      expected: '0',
      observed:
        unhandledRejections.length === 0
          ? '0'
          : `${unhandledRejections.length}: ${unhandledRejections[0]}`,
      pass: unhandledRejections.length === 0,
    });
  }
}

void main();
