import { STEP_NAMES, StepName } from './consumer-fixtures';
import { CommandResult } from './run-command';

/** What happened to one fixture: a result per step it took. */
export interface FixtureOutcome {
  name: string;
  description: string;
  /** The steps the fixture has; steps after a failure are listed with no result. */
  steps: { name: StepName; result?: CommandResult }[];
}

/** A duration as seconds with one decimal. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** One table cell: `ok 12.3 s`, `FAIL 4.0 s`, `skipped`, or `-` for a step the fixture lacks. */
function cell(outcome: FixtureOutcome, step: StepName): string {
  const taken = outcome.steps.find((candidate) => candidate.name === step);
  if (!taken) {
    return '-';
  }
  if (!taken.result) {
    return 'skipped';
  }
  return `${taken.result.ok ? 'ok' : 'FAIL'} ${seconds(taken.result.durationMs)}`;
}

/** Whether every step of the fixture ran and passed. */
export function passed(outcome: FixtureOutcome): boolean {
  return outcome.steps.every((step) => step.result?.ok === true);
}

/** The results as a Markdown table: one row per fixture, one column per step, and the total. */
export function resultsTable(outcomes: readonly FixtureOutcome[]): string {
  const header = ['fixture', 'app', ...STEP_NAMES, 'total', 'result'];
  const rows = outcomes.map((outcome) => [
    outcome.name,
    outcome.description,
    ...STEP_NAMES.map((step) => cell(outcome, step)),
    seconds(outcome.steps.reduce((sum, step) => sum + (step.result?.durationMs ?? 0), 0)),
    passed(outcome) ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((text, column) => text.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}
