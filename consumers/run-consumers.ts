/**
 * Consumer CI: packs ngx-stream-chat and stream-chat-emulator as npm would publish them,
 * installs the tarballs into the fixture apps under consumers/fixtures (copied to a temporary
 * folder), and builds and tests each app there, one after the other. Prints a table of the
 * results and exits with status 1 when any step failed.
 *
 *   npm run consumers                          every fixture
 *   npm run consumers -- --only ssr --keep     one fixture, keeping its folder afterwards
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CONSUMER_FIXTURES, ConsumerFixture, FixtureContext } from './consumer-fixtures';
import { packPackages } from './pack-packages';
import { FixtureOutcome, passed, resultsTable, seconds } from './results-table';
import { runCommand } from './run-command';

/** The workspace root. */
const WORKSPACE = join(__dirname, '..');

/** The most one command (an install, a build, a test run) may take. */
const COMMAND_TIMEOUT_MS = 8 * 60_000;

/** How many lines of a failed fixture's log are printed. */
const LOG_TAIL_LINES = 60;

/** Quiet, non-interactive tools: no analytics prompt, no colours in the logs. */
const TOOL_ENV: NodeJS.ProcessEnv = { NG_CLI_ANALYTICS: 'false', CI: 'true', FORCE_COLOR: '0' };

/** Prints a progress line. */
function say(text: string): void {
  process.stdout.write(`[consumers] ${text}\n`);
}

/** The last lines of a log file. */
function tail(logFile: string): string {
  if (!existsSync(logFile)) {
    return '';
  }
  return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-LOG_TAIL_LINES).join('\n');
}

/** Copies one fixture next to the tarballs and runs its steps until one fails. */
async function runFixture(fixture: ConsumerFixture, workDir: string): Promise<FixtureOutcome> {
  const dir = join(workDir, fixture.name);
  const logFile = join(workDir, `${fixture.name}.log`);
  cpSync(join(WORKSPACE, 'consumers', 'fixtures', fixture.name), dir, { recursive: true });
  const context: FixtureContext = {
    dir,
    run: (command, args) =>
      runCommand(command, args, {
        cwd: dir,
        logFile,
        timeoutMs: COMMAND_TIMEOUT_MS,
        env: TOOL_ENV,
      }),
  };
  const outcome: FixtureOutcome = {
    name: fixture.name,
    description: fixture.description,
    steps: fixture.steps.map((step) => ({ name: step.name })),
  };
  for (const [index, step] of fixture.steps.entries()) {
    const result = await step.run(context);
    outcome.steps[index].result = result;
    say(
      `${fixture.name}: ${step.name} ${result.ok ? 'ok' : 'FAILED'} in ${seconds(result.durationMs)}`,
    );
    if (!result.ok) {
      say(`${fixture.name}: ${step.name} failed (${result.failure}); end of ${logFile}:`);
      process.stdout.write(`${tail(logFile)}\n`);
      break;
    }
  }
  return outcome;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { only: { type: 'string', multiple: true }, keep: { type: 'boolean' } },
  });
  const unknown = (values.only ?? []).filter(
    (name) => !CONSUMER_FIXTURES.some((fixture) => fixture.name === name),
  );
  if (unknown.length > 0) {
    const known = CONSUMER_FIXTURES.map((fixture) => fixture.name).join(', ');
    process.stderr.write(
      `consumers: no fixture named ${unknown.join(', ')} (fixtures: ${known})\n`,
    );
    return 2;
  }
  const fixtures = CONSUMER_FIXTURES.filter(
    (fixture) => !values.only || values.only.includes(fixture.name),
  );
  const started = performance.now();
  const workDir = mkdtempSync(join(tmpdir(), 'ngx-stream-chat-consumers-'));
  const packsDir = join(workDir, 'packs');
  mkdirSync(packsDir);
  say(`work folder ${workDir}`);

  const packLog = join(workDir, 'pack.log');
  const packed = await packPackages(
    (command, args) =>
      runCommand(command, args, {
        cwd: WORKSPACE,
        logFile: packLog,
        timeoutMs: COMMAND_TIMEOUT_MS,
        env: TOOL_ENV,
      }),
    packsDir,
  );
  say(`packing ${packed.ok ? 'ok' : 'FAILED'} in ${seconds(packed.durationMs)}`);
  if (!packed.ok) {
    say(`packing failed (${packed.failure}); end of ${packLog}:`);
    process.stdout.write(`${tail(packLog)}\n`);
    return 1;
  }

  const outcomes: FixtureOutcome[] = [];
  for (const fixture of fixtures) {
    outcomes.push(await runFixture(fixture, workDir));
  }
  const allPassed = outcomes.every(passed);
  process.stdout.write(`\n${resultsTable(outcomes)}\n\n`);
  say(
    `${allPassed ? 'all fixtures passed' : 'FAILED'}; packing ${seconds(packed.durationMs)}, ` +
      `whole run ${seconds(performance.now() - started)}`,
  );
  if (allPassed && !values.keep) {
    rmSync(workDir, { recursive: true, force: true });
  } else {
    say(`kept ${workDir} (logs: <fixture>.log)`);
  }
  return allPassed ? 0 : 1;
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`consumers: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
