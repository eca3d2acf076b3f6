import { RunQueue } from './fault-queue';

/** What to do to one incoming HTTP request. */
export interface RequestFault {
  /** Milliseconds to wait before handling it. */
  delayMs: number;
  /** When set, answer with this HTTP status instead of handling it. */
  failStatus?: number;
}

/**
 * Pending HTTP faults: the next N requests fail with a status, the next M are delayed.
 * Preflights and `/admin` requests are never affected.
 */
export class RequestFaults {
  private readonly failures = new RunQueue<number>();
  private readonly delays = new RunQueue<number>();

  /** Makes the next `count` requests fail with `status`. */
  failNext(count: number, status: number): void {
    this.failures.push(status, count);
  }

  /** Makes the next `count` requests wait `ms` milliseconds before being handled. */
  delayNext(count: number, ms: number): void {
    this.delays.push(ms, count);
  }

  /** Takes the faults that apply to the request being handled now (O(1)). */
  take(): RequestFault {
    return { delayMs: this.delays.take() ?? 0, failStatus: this.failures.take() };
  }

  /** Drops every pending fault. */
  clear(): void {
    this.failures.clear();
    this.delays.clear();
  }
}
