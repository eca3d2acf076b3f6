import { sleep } from './emulator-clients';

/** Runs a full garbage collection; needs `--expose-gc` (bench children have it). */
export function collectGarbage(): void {
  if (!global.gc) {
    throw new Error('run with node --expose-gc');
  }
  global.gc();
}

/**
 * Heap used after a full GC, sampled `samples` times a few ms apart (GC'd heap still moves a
 * little: compiled code, timers that fire meanwhile), in MiB.
 */
export async function settledHeapSamples(samples = 5): Promise<number[]> {
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    await sleep(20);
    collectGarbage();
    collectGarbage();
    values.push(process.memoryUsage().heapUsed / 2 ** 20);
  }
  return values;
}
