/**
 * Issues ISO-8601 timestamps that strictly increase, so messages created in the same
 * millisecond still have distinct, ordered `created_at` values.
 */
export class MonotonicClock {
  private last = 0;

  /** The next timestamp: now, or one millisecond after the previous one. */
  next(): string {
    this.last = Math.max(Date.now(), this.last + 1);
    return new Date(this.last).toISOString();
  }

  /** Makes the clock issue timestamps after `iso` (used after loading stored data). */
  advancePast(iso: string): void {
    const time = Date.parse(iso);
    if (Number.isFinite(time)) {
      this.last = Math.max(this.last, time);
    }
  }
}
