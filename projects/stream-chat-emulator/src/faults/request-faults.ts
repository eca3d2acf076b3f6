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
  private failures: number[] = [];
  private delays: number[] = [];

  /** Makes the next `count` requests fail with `status`. */
  failNext(count: number, status: number): void {
    this.failures.push(...Array<number>(count).fill(status));
  }

  /** Makes the next `count` requests wait `ms` milliseconds before being handled. */
  delayNext(count: number, ms: number): void {
    this.delays.push(...Array<number>(count).fill(ms));
  }

  /** Takes the faults that apply to the request being handled now. */
  take(): RequestFault {
    return { delayMs: this.delays.shift() ?? 0, failStatus: this.failures.shift() };
  }

  /** Drops every pending fault. */
  clear(): void {
    this.failures = [];
    this.delays = [];
  }
}
