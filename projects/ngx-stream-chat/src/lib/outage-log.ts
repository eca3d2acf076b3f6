import {
  OutageSummary,
  StreamChatError,
  connectionLostError,
  outageOngoingError,
  outageRecoveredError,
} from './stream-chat-errors';

/**
 * Counts what fails while a session is offline, and reports each outage to the app at most once
 * (so an app's error tracker sees one entry, not one per attempt):
 * - when the outage has lasted `reportAfterMs` and goes on;
 * - otherwise, when it ends and the token provider failed during it (the app's own backend needs
 *   a look even though the session is back);
 * - and when the server refuses to take the session back (the session is over: this one is
 *   reported even after an "ongoing" report).
 *
 * An outage with only network failures that ends before `reportAfterMs` is not reported:
 * `connectionState$` already showed it.
 */
export class OutageLog {
  private startedAt: number | undefined;
  private failures = 0;
  private providerFailures = 0;
  private lastError: StreamChatError | undefined;
  private reported = false;

  /**
   * @param reportAfterMs how long an outage lasts before it is reported.
   * @param report receives the one error of an outage.
   * @param now the clock.
   */
  constructor(
    private readonly reportAfterMs: number,
    private readonly report: (error: StreamChatError) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether an outage is under way. */
  get active(): boolean {
    return this.startedAt !== undefined;
  }

  /** How many steps failed in the current outage. */
  get failureCount(): number {
    return this.failures;
  }

  /** Starts an outage, unless one is under way. */
  begin(): void {
    if (this.startedAt === undefined) {
      this.startedAt = this.now();
      this.failures = 0;
      this.providerFailures = 0;
      this.lastError = undefined;
      this.reported = false;
    }
  }

  /** Counts one failed step (a socket that did not open, a token provider call that failed...). */
  record(error: StreamChatError): void {
    this.failures++;
    if (error.kind === 'token-provider-failed') {
      this.providerFailures++;
    }
    this.lastError = error;
  }

  /** Reports the outage when it has lasted long enough and has not been reported yet. */
  check(): void {
    const summary = this.summary();
    if (summary && !this.reported && summary.durationMs >= this.reportAfterMs) {
      this.reported = true;
      this.report(outageOngoingError(summary));
    }
  }

  /** Ends the outage: the session is back. */
  recovered(): void {
    const summary = this.summary();
    if (summary && !this.reported && summary.providerFailures > 0) {
      this.report(outageRecoveredError(summary));
    }
    this.startedAt = undefined;
  }

  /** Ends the outage: the server refused the session with `error`, and nobody will retry. */
  lost(error: StreamChatError): void {
    this.begin();
    this.record(error);
    const summary = this.summary();
    if (summary) {
      this.report(connectionLostError(summary));
    }
    this.startedAt = undefined;
  }

  /** Ends the outage without a report: the user disconnected, or the app closed the socket. */
  abandon(): void {
    this.startedAt = undefined;
  }

  private summary(): OutageSummary | undefined {
    if (this.startedAt === undefined || !this.lastError) {
      return undefined;
    }
    return {
      durationMs: this.now() - this.startedAt,
      failures: this.failures,
      providerFailures: this.providerFailures,
      lastError: this.lastError,
    };
  }
}
