import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './child-process';
import { MachineInfo } from './machine';
import { RunMode } from './run-mode';

/** Where results are written (git-ignored). */
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

/** A report as results files hold it: anything with a name. */
interface NamedReport {
  name: string;
}

/** What a results file holds. */
interface ResultsFile {
  kind: string;
  mode: RunMode;
  finishedAt: string;
  machine: MachineInfo;
  reports: NamedReport[];
}

/**
 * Writes `reports` with the run's mode, time and machine to `bench/results/<kind>[-smoke].json`.
 * A run of some scripts only replaces those scripts' reports and keeps the others'.
 * @returns the file's path.
 */
export function writeResults(
  kind: 'bench' | 'soak',
  mode: RunMode,
  machine: MachineInfo,
  reports: NamedReport[],
): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${kind}${mode === 'smoke' ? '-smoke' : ''}.json`);
  const names = new Set(reports.map((report) => report.name));
  const kept = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as ResultsFile).reports.filter(
        (report) => !names.has(report.name),
      )
    : [];
  const merged = [...kept, ...reports].sort((a, b) => a.name.localeCompare(b.name));
  const content: ResultsFile = {
    kind,
    mode,
    finishedAt: new Date().toISOString(),
    machine,
    reports: merged,
  };
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  return file;
}
