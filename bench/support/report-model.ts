import { Summary } from './statistics';

/** One measured figure, side by side with what it is compared with. */
export interface Figure {
  /** What is measured, e.g. "connect time". */
  figure: string;
  /** The unit of `subject` and `reference`, e.g. "ms". */
  unit: string;
  /** What the figure is about, e.g. "ngx-stream-chat init()". */
  subjectName: string;
  /** Its samples' median and spread. */
  subject: Summary;
  /** What it is compared with, e.g. "raw connectUser()". */
  referenceName: string;
  /** The reference's samples' median and spread. */
  reference: Summary;
  /** `subject / reference`, from paired samples when there are any, else from the medians. */
  ratio: Summary;
  /** Whether a smaller value is the better one (times, bytes); false for throughput. */
  lowerIsBetter: boolean;
}

/** What one benchmark reports. */
export interface BenchmarkReport {
  /** e.g. "1. Connect overhead". */
  name: string;
  figures: Figure[];
  /** How it was measured, in a sentence or two each; printed under the table. */
  notes: string[];
}

/** One pass/fail check of a soak script. */
export interface SoakCheck {
  /** What is checked, e.g. "wrong-user emissions on user$". */
  check: string;
  /** The pass condition, e.g. "0". */
  expected: string;
  /** What was seen. */
  observed: string;
  pass: boolean;
}

/** What one soak script reports. */
export interface SoakReport {
  /** e.g. "User switches". */
  name: string;
  checks: SoakCheck[];
  /** Counts and durations that explain the checks (events sent, drops injected...). */
  details: Record<string, number | string>;
  durationMs: number;
}
