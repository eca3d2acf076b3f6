import { PerformanceObserver, constants } from 'node:perf_hooks';

/**
 * Time spent in garbage collection, from the runtime's `gc` performance entries. The full
 * collections a benchmark forces between windows can be left out (`skipForced`), so a window's
 * figure is the garbage its own work made the runtime collect.
 */
export class GcClock {
  private readonly entries: { start: number; duration: number; forced: boolean }[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { detail } = entry as { detail?: { flags?: number } };
      const flags = detail?.flags ?? 0;
      this.entries.push({
        start: entry.startTime,
        duration: entry.duration,
        forced: (flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) !== 0,
      });
    }
  });

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /**
   * Milliseconds of collection that started in [from, to) (`performance.now()` times), forced
   * collections left out. Entries arrive asynchronously: read after the window has settled.
   */
  spentBetween(from: number, to: number): number {
    let total = 0;
    for (const entry of this.entries) {
      if (!entry.forced && entry.start >= from && entry.start < to) total += entry.duration;
    }
    return total;
  }

  /** Stops observing and forgets the entries. */
  stop(): void {
    this.observer.disconnect();
    this.entries.length = 0;
  }
}
