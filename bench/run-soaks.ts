/*
 * `npm run soak` (and `npm run soak:smoke` with --smoke): runs each soak script in a fresh Node
 * process, prints a pass/fail table, writes bench/results/soak[-smoke].json, and exits non-zero
 * when any check fails. Name scripts to run only those: `npm run soak -- tokens fuzzing`.
 */
import { relative } from 'node:path';
import { soakDetails, soakTable } from './support/benchmark-table';
import { REPO_ROOT, runInChild } from './support/child-process';
import { describeMachine } from './support/machine';
import { SoakReport } from './support/report-model';
import { writeResults } from './support/results-file';
import { runModeFromArgs } from './support/run-mode';

/** Every soak script: a short name to select it, its module, and how long it may take. */
const SOAKS = [
  { name: 'switches', module: 'bench/soak/user-switches.soak.ts', minutes: 5 },
  { name: 'drops', module: 'bench/soak/socket-drops.soak.ts', minutes: 5 },
  { name: 'tokens', module: 'bench/soak/short-tokens.soak.ts', minutes: 3 },
  { name: 'fuzzing', module: 'bench/soak/fuzzing.soak.ts', minutes: 5 },
  { name: 'crashes', module: 'bench/soak/crash-restarts.soak.ts', minutes: 5 },
  { name: 'outages', module: 'bench/soak/outages.soak.ts', minutes: 50 },
];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const mode = runModeFromArgs(args);
  const selected = args.filter((arg) => !arg.startsWith('--'));
  const soaks = SOAKS.filter((soak) => selected.length === 0 || selected.includes(soak.name));
  const machine = describeMachine();
  console.log(
    `ngx-stream-chat soak and reliability scripts (${mode}) on ${machine.nproc} CPUs, ` +
      `Node ${machine.node}\n`,
  );
  const reports: SoakReport[] = [];
  for (const soak of soaks) {
    const started = Date.now();
    process.stdout.write(`running ${soak.name}... `);
    try {
      const limit = soak.minutes * 60_000 * (mode === 'smoke' ? 0.2 : 1);
      reports.push(await runInChild<SoakReport>(soak.module, [`--${mode}`], limit));
      console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      console.log('failed');
      reports.push({
        name: soak.name,
        checks: [
          {
            check: 'ran to the end',
            expected: 'yes',
            observed: error instanceof Error ? error.message.split('\n')[0] : String(error),
            pass: false,
          },
        ],
        details: {},
        durationMs: Date.now() - started,
      });
    }
  }
  console.log(`\n${soakTable(reports)}\n\n${soakDetails(reports)}\n`);
  const file = writeResults('soak', mode, machine, reports);
  console.log(`Results written to ${relative(REPO_ROOT, file)}`);
  const failed = reports.flatMap((report) => report.checks).filter((check) => !check.pass);
  if (failed.length > 0) {
    console.error(`\n${failed.length} check(s) failed.`);
    process.exitCode = 1;
  } else {
    console.log('\nAll checks passed.');
  }
}

void main();
