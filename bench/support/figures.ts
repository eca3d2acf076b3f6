import { Figure } from './report-model';
import { Summary, pairedRatios, summarize } from './statistics';

/** How a figure is named and what it compares. */
export interface FigureLabels {
  figure: string;
  unit: string;
  subjectName: string;
  referenceName: string;
  /** Defaults to true. */
  lowerIsBetter?: boolean;
}

/**
 * A figure from paired samples (`subject[i]` measured next to `reference[i]`): the ratio's
 * median and spread come from the pairs, so drift across the run cancels out.
 */
export function pairedFigure(
  labels: FigureLabels,
  subject: readonly number[],
  reference: readonly number[],
): Figure {
  return {
    ...labels,
    lowerIsBetter: labels.lowerIsBetter ?? true,
    subject: summarize(subject),
    reference: summarize(reference),
    ratio: summarize(pairedRatios(subject, reference)),
  };
}

/** A figure from two independent sets of samples: the ratio is the ratio of the medians. */
export function unpairedFigure(
  labels: FigureLabels,
  subject: readonly number[],
  reference: readonly number[],
): Figure {
  const subjectSummary = summarize(subject);
  const referenceSummary = summarize(reference);
  return {
    ...labels,
    lowerIsBetter: labels.lowerIsBetter ?? true,
    subject: subjectSummary,
    reference: referenceSummary,
    ratio: ratioOfMedians(subjectSummary, referenceSummary),
  };
}

/** A one-sample summary of `subject.median / reference.median` (1 when both are 0). */
export function ratioOfMedians(subject: Summary, reference: Summary): Summary {
  const same = subject.median === reference.median;
  return summarize([same ? 1 : subject.median / reference.median]);
}
