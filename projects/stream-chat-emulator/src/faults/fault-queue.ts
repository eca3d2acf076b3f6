/** One run of equal values in a {@link RunQueue}. */
interface Run<T> {
  value: T;
  remaining: number;
}

/**
 * A first-in first-out queue of values that arrive in runs ("the next N requests fail with
 * 503"): a run is stored once, whatever N is, and `take` is O(1) (a head index, with the
 * consumed runs dropped in bulk), where `Array.shift()` on a long array is O(n).
 */
export class RunQueue<T> {
  private runs: Run<T>[] = [];
  private head = 0;

  /** How many values are waiting. */
  get size(): number {
    let total = 0;
    for (let index = this.head; index < this.runs.length; index++) {
      total += this.runs[index].remaining;
    }
    return total;
  }

  /** Appends `count` copies of `value` (nothing when `count` is 0 or less). */
  push(value: T, count = 1): void {
    if (count > 0) {
      this.runs.push({ value, remaining: count });
    }
  }

  /** Removes and returns the oldest value, or `undefined` when the queue is empty. */
  take(): T | undefined {
    const run = this.runs[this.head];
    if (!run) {
      return undefined;
    }
    run.remaining--;
    if (run.remaining === 0) {
      this.head++;
      if (this.head === this.runs.length) {
        this.runs = [];
        this.head = 0;
      } else if (this.head > 1024 && this.head * 2 > this.runs.length) {
        this.runs = this.runs.slice(this.head);
        this.head = 0;
      }
    }
    return run.value;
  }

  /** Drops every waiting value. */
  clear(): void {
    this.runs = [];
    this.head = 0;
  }
}
