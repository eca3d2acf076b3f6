/*
 * `npm run bench` (and `npm run bench:smoke` with --smoke): builds the library, runs each
 * benchmark in a fresh Node process against that build, prints their figures side by side, and
 * writes them to bench/results/bench[-smoke].json.
 * Name benchmarks to run only those: `npm run bench -- connect memory`.
 */
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { benchmarkNotes, benchmarkTable } from './support/benchmark-table';
import { REPO_ROOT, runInChild } from './support/child-process';
import { describeMachine } from './support/machine';
import { BenchmarkReport } from './support/report-model';
import { writeResults } from './support/results-file';
import { runModeFromArgs } from './support/run-mode';

/** Every benchmark: a short name to select it, its module, and how long it may take. */
const BENCHMARKS = [
  { name: 'connect', module: 'bench/connect/connect-overhead.bench.ts', minutes: 5 },
  { name: 'events', module: 'bench/events/event-storm.bench.ts', minutes: 15 },
  { name: 'memory', module: 'bench/memory/connect-cycles.bench.ts', minutes: 10 },
  { name: 'bundle', module: 'bench/bundle/bundle-size.bench.ts', minutes: 10 },
  { name: 'fanout', module: 'bench/fanout/fanout.bench.ts', minutes: 10 },
  { name: 'scale', module: 'bench/scale/emulator-scale.bench.ts', minutes: 15 },
];

/** Builds ngx-stream-chat into dist/ with ng-packagr, as an app would install it. */
function buildLibrary(): void {
  process.stdout.write('building ngx-stream-chat... ');
  const result = spawnSync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules', '@angular', 'cli', 'bin', 'ng.js'),
      'build',
      'ngx-stream-chat',
    ],
    { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } },
  );
  if (result.status !== 0) {
    throw new Error(`ng build ngx-stream-chat failed:\n${result.stdout}\n${result.stderr}`);
  }
  console.log('done\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const mode = runModeFromArgs(args);
  const selected = args.filter((arg) => !arg.startsWith('--'));
  const benchmarks = BENCHMARKS.filter(
    (benchmark) => selected.length === 0 || selected.includes(benchmark.name),
  );
  const machine = describeMachine();
  console.log(
    `ngx-stream-chat benchmarks (${mode}) on ${machine.nproc} CPUs, ${machine.totalMemoryGiB} GiB, ` +
      `Node ${machine.node}, load ${machine.loadAverage1m}\n`,
  );
  buildLibrary();
  const reports: BenchmarkReport[] = [];
  const failures: string[] = [];
  for (const benchmark of benchmarks) {
    const started = Date.now();
    process.stdout.write(`running ${benchmark.name}... `);
    try {
      const limit = benchmark.minutes * 60_000 * (mode === 'smoke' ? 0.2 : 1);
      reports.push(
        await runInChild<BenchmarkReport>(benchmark.module, [`--${mode}`], limit, 'built'),
      );
      console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      console.log('failed');
      failures.push(`${benchmark.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`\n${benchmarkTable(reports)}\n\n${benchmarkNotes(reports)}\n`);
  const file = writeResults('bench', mode, machine, reports);
  console.log(`Figures written to ${relative(REPO_ROOT, file)}`);
  if (failures.length > 0) {
    console.error(`\n${failures.length} benchmark(s) failed:\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

void main();
