/** Where the sequence number of a benchmark message sits in a frame: its text, `fanout-<seq>`. */
const SEQUENCE_PATTERN = /"text":"fanout-(\d+)"/;

/** The text of the benchmark message with sequence number `seq`. */
export function fanoutText(seq: number): string {
  return `fanout-${seq}`;
}

/**
 * Records when each benchmark message reaches each watcher (by the clock of this process), and
 * lets the sender wait until a message has reached everyone.
 */
export class ArrivalLog {
  private readonly arrivals = new Map<number, number[]>();
  private readonly waiters = new Map<number, { count: number; resolve: () => void }>();
  /** Frames that carried a benchmark message, over all watchers. */
  framesReceived = 0;

  /** Called by every watcher for every text frame it receives. */
  onFrame(text: string): void {
    const match = SEQUENCE_PATTERN.exec(text);
    if (!match) {
      return;
    }
    const now = performance.now();
    const seq = Number(match[1]);
    this.framesReceived++;
    let times = this.arrivals.get(seq);
    if (!times) {
      times = [];
      this.arrivals.set(seq, times);
    }
    times.push(now);
    const waiter = this.waiters.get(seq);
    if (waiter && times.length >= waiter.count) {
      this.waiters.delete(seq);
      waiter.resolve();
    }
  }

  /** Resolves once message `seq` has reached `count` watchers; rejects after `timeoutMs`. */
  waitFor(seq: number, count: number, timeoutMs: number): Promise<void> {
    if ((this.arrivals.get(seq)?.length ?? 0) >= count) {
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(seq);
        const got = this.arrivals.get(seq)?.length ?? 0;
        reject(new Error(`message ${seq} reached ${got} of ${count} watchers in ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(seq, {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** When message `seq` reached each watcher, in arrival order. */
  arrivalTimes(seq: number): number[] {
    return this.arrivals.get(seq) ?? [];
  }

  /** Forgets every arrival (between phases). */
  clear(): void {
    this.arrivals.clear();
    this.framesReceived = 0;
  }
}
