/** The median and spread of a set of samples. */
export interface Summary {
  /** The middle sample (the mean of the two middle ones for an even count). */
  median: number;
  /** The 10th percentile. */
  p10: number;
  /** The 90th percentile. */
  p90: number;
  /** The smallest sample. */
  min: number;
  /** The largest sample. */
  max: number;
  /** How many samples there were. */
  n: number;
}

/** The `p`-th percentile (0-100) of samples sorted ascending, interpolating between neighbours. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

/** Median, p10, p90, min and max of `samples`. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p10: percentile(sorted, 10),
    p90: percentile(sorted, 90),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    n: sorted.length,
  };
}

/** Element-wise ratios `numerators[i] / denominators[i]` of paired samples. */
export function pairedRatios(
  numerators: readonly number[],
  denominators: readonly number[],
): number[] {
  const count = Math.min(numerators.length, denominators.length);
  return Array.from({ length: count }, (_, i) => numerators[i] / denominators[i]);
}
