import { BenchmarkReport, SoakReport } from './report-model';
import { formatNumber, formatSummary, renderTable } from './text-table';

/** Benchmark figures side by side: measured value, what it is compared with, and the ratio. */
export function benchmarkTable(reports: readonly BenchmarkReport[]): string {
  const rows: string[][] = [
    [
      'Benchmark',
      'Figure',
      'Unit',
      'Subject',
      'Median [p10–p90]',
      'Compared with',
      'Median [p10–p90]',
      'Ratio [p10–p90]',
    ],
  ];
  for (const report of reports) {
    for (const figure of report.figures) {
      rows.push([
        report.name,
        figure.figure,
        figure.unit,
        figure.subjectName,
        formatSummary(figure.subject),
        figure.referenceName,
        formatSummary(figure.reference),
        formatSummary(figure.ratio, '×') + (figure.lowerIsBetter ? '' : ' (higher is better)'),
      ]);
    }
    if (report.figures.length === 0) {
      rows.push([report.name, '(skipped)', '', '', '', '', '', '']);
    }
  }
  return renderTable(rows);
}

/** The notes of every benchmark, numbered by benchmark. */
export function benchmarkNotes(reports: readonly BenchmarkReport[]): string {
  return reports
    .flatMap((report) => report.notes.map((note) => `${report.name}: ${note}`))
    .join('\n\n');
}

/** Soak checks as a pass/fail table. */
export function soakTable(reports: readonly SoakReport[]): string {
  const rows: string[][] = [['Soak', 'Check', 'Pass when', 'Observed', 'Result']];
  for (const report of reports) {
    for (const check of report.checks) {
      rows.push([
        report.name,
        check.check,
        check.expected,
        check.observed,
        check.pass ? 'PASS' : 'FAIL',
      ]);
    }
  }
  return renderTable(rows);
}

/** The details of every soak script, one line each. */
export function soakDetails(reports: readonly SoakReport[]): string {
  return reports
    .map((report) => {
      const details = Object.entries(report.details)
        .map(([key, value]) => `${key} ${typeof value === 'number' ? formatNumber(value) : value}`)
        .join(', ');
      return `${report.name} (${(report.durationMs / 1000).toFixed(1)} s): ${details}`;
    })
    .join('\n');
}
