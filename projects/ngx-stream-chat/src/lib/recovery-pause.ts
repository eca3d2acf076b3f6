/**
 * The pauses of a recovery loop: one at a time, cut short by `wake()` (the browser is back
 * online) or `cancel()` (the session ended), so that the loop never waits out a long timer for
 * nothing and leaves no timer behind.
 */
export class RecoveryPause {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private resolveCurrent: (() => void) | undefined;
  private cancelled = false;

  /** Resolves after `ms` milliseconds, or at once after `cancel()`. */
  sleep(ms: number): Promise<void> {
    this.end();
    if (this.cancelled) {
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      this.resolveCurrent = resolve;
      this.timer = setTimeout(() => this.end(), ms);
    });
  }

  /** Ends the current pause now, if there is one. */
  wake(): void {
    this.end();
  }

  /** Ends the current pause, and makes every later one end at once. Idempotent. */
  cancel(): void {
    this.cancelled = true;
    this.end();
  }

  private end(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const resolve = this.resolveCurrent;
    this.resolveCurrent = undefined;
    resolve?.();
  }
}

/**
 * The pause before the `attempt`-th retry (1 for the first): `firstMs` doubling each time up to
 * `capMs`, then shortened at random by up to a quarter, so clients that lost the same server do
 * not come back in step.
 */
export function retryDelay(
  attempt: number,
  firstMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const full = Math.min(capMs, firstMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full * (1 - random() / 4));
}
