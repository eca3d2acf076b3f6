import { CONNECT_TIMEOUT_MS, sleep } from '../support/emulator-clients';
import { settledHeapSamples } from '../support/heap';
import { summarize } from '../support/statistics';

/** The heap (MiB, after full GCs) and what a cycle reported, at the measuring points. */
export interface CycleMeasurements {
  /** Heap samples after the early cycles. */
  heapEarly: number[];
  /** Median heap halfway through (NaN for short runs). */
  heapHalfway: number;
  /** Heap samples after the last cycle. */
  heapLate: number[];
  /** What the cycle returned at the early point and at the last cycle. */
  reportedEarly: number;
  reportedLate: number;
  seconds: number;
}

/** Lets the connect timers of the last cycles run out, so they are not counted as heap. */
const settle = () => sleep(CONNECT_TIMEOUT_MS + 200);

/**
 * Runs `cycle` `cycles` times and samples the heap after `early` cycles, halfway and at the end.
 * @param cycle one connect/switch/disconnect cycle; returns a count to report (e.g. listeners).
 */
export async function measureCycles(
  cycles: number,
  early: number,
  cycle: () => Promise<number>,
): Promise<CycleMeasurements> {
  const started = performance.now();
  const result: CycleMeasurements = {
    heapEarly: [],
    heapHalfway: NaN,
    heapLate: [],
    reportedEarly: NaN,
    reportedLate: NaN,
    seconds: 0,
  };
  for (let i = 1; i <= cycles; i++) {
    const reported = await cycle();
    if (i === early) {
      result.reportedEarly = reported;
      await settle();
      result.heapEarly = await settledHeapSamples();
    } else if (i === Math.floor(cycles / 2) && cycles >= 100) {
      await settle();
      result.heapHalfway = summarize(await settledHeapSamples()).median;
    }
    result.reportedLate = reported;
  }
  await settle();
  result.heapLate = await settledHeapSamples();
  const settles = cycles >= 100 ? 3 : 2;
  result.seconds = (performance.now() - started - settles * (CONNECT_TIMEOUT_MS + 200)) / 1000;
  return result;
}

/**
 * Heap growth over the second half of the cycles (from the early point in short runs), per late
 * sample: a leak grows the heap with every cycle, while compiled code and caches stop growing after
 * the first cycles.
 */
export function heapGrowth(measurements: CycleMeasurements): number[] {
  const from = Number.isNaN(measurements.heapHalfway)
    ? summarize(measurements.heapEarly).median
    : measurements.heapHalfway;
  return measurements.heapLate.map((late) => late - from);
}
