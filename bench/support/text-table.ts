import { Summary } from './statistics';

/** A number with about three significant digits, thousands grouped: 0.0123, 4.56, 789, 12,345. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) {
    return String(value);
  }
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', {
    minimumFractionDigits: 0,
    maximumFractionDigits: magnitude > 0 && magnitude < 0.001 ? 6 : digits,
  });
}

/** "median [p10–p90]", or just the value for a single sample. */
export function formatSummary(summary: Summary, suffix = ''): string {
  const median = formatNumber(summary.median) + suffix;
  if (summary.n <= 1 || summary.p10 === summary.p90) {
    return median;
  }
  return `${median} [${formatNumber(summary.p10)}–${formatNumber(summary.p90)}]`;
}

/** Renders rows as a plain-text table with a header rule; the first row is the header. */
export function renderTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}
