import type { StreamChat } from 'stream-chat';
import { ConnectionRecoverySettings } from './connection-recovery-config';
import { OutageLog } from './outage-log';
import { ReconnectGate, gateReconnects } from './reconnect-gate';
import { ReconnectOutcome, reconnectOnce } from './reconnect-attempt';
import { RecoveryPause, retryDelay } from './recovery-pause';
import { serverAnswers } from './server-probe';
import type { StreamChatError } from './stream-chat-errors';

/** The first pause between two server checks, or after a failed attempt. */
const FIRST_PAUSE_MS = 250;

/**
 * Brings one connected session back after every outage, with one loop and no help from the
 * client's own reconnect loops (see `gateReconnects`):
 *
 * 1. When the socket goes down (the client asks to reconnect, or reports `connection.changed`
 *    offline), it pauses 250-1000 ms, then checks whether the server answers (`serverAnswers`),
 *    a few hundred milliseconds apart at first, then every `maxRetryDelayMs`, and at once on the
 *    browser's `online` event.
 * 2. When it does, it makes one attempt (`reconnectOnce`): a fresh token when needed, a new
 *    socket, then the client's state recovery, which emits `connection.recovered`.
 * 3. A failed attempt is counted in the outage's `OutageLog` and followed by a pause that grows to
 *    `maxRetryDelayMs`: a token provider failure is retried without waiting for the server; a
 *    socket that did not open waits for the server again. A refusal for good (revoked token,
 *    expired static token) ends the loop, reported once.
 *
 * It stops for good on `stop()`: when the user disconnects or another user connects.
 */
export class ConnectionRecovery {
  private gate: ReconnectGate | undefined;
  private running = false;
  private stopped = false;
  private readonly pause = new RecoveryPause();
  private readonly outage: OutageLog;
  private readonly browser = typeof window === 'undefined' ? undefined : window;
  private readonly onBrowserOnline = () => this.pause.wake();

  /**
   * Starts watching `client`'s connection.
   * @param report receives the one error of an outage (see `OutageLog`).
   */
  constructor(
    private readonly client: StreamChat,
    private readonly settings: ConnectionRecoverySettings,
    report: (error: StreamChatError) => void,
  ) {
    this.outage = new OutageLog(settings.reportOutageAfterMs, report);
    this.gateCurrentConnection();
    this.browser?.addEventListener('online', this.onBrowserOnline);
  }

  /**
   * Takes the client's `connection.changed` events (from the session's one client listener): an
   * offline one starts recovering, if it has not started yet.
   */
  connectionChanged(online: boolean): void {
    this.gateCurrentConnection();
    if (!online) {
      this.onConnectionLost();
    }
  }

  /** Whether a recovery loop is running now. */
  get recovering(): boolean {
    return this.running;
  }

  /** Stops for good: no further check, attempt or report. Idempotent. */
  stop(): void {
    if (this.stopped) {
      return;
    }
    this.stopped = true;
    this.gate?.close();
    this.browser?.removeEventListener('online', this.onBrowserOnline);
    this.pause.cancel();
    this.outage.abandon();
  }

  /** Gates the client's current socket connection, also after the app reopened it. */
  private gateCurrentConnection(): void {
    const connection = this.client.wsConnection;
    if (!this.stopped && connection && connection !== this.gate?.connection) {
      this.gate?.close();
      this.gate = gateReconnects(connection, () => this.onConnectionLost());
    }
  }

  private onConnectionLost(): void {
    // Without a socket connection (a long-poll fallback, a stand-in client) there is nothing to do.
    if (!this.running && !this.stopped && this.gate) {
      this.running = true;
      void this.recover().finally(() => (this.running = false));
    }
  }

  private async recover(): Promise<void> {
    this.outage.begin();
    // A first pause spread like the client's own first retry, so that the clients of a server
    // that dropped them all do not come back in the same instant.
    await this.pause.sleep(FIRST_PAUSE_MS + Math.random() * 3 * FIRST_PAUSE_MS);
    let failures = 0;
    let waitForServer = true;
    let refreshToken = false;
    while (!this.stopped) {
      if (failures > 0) {
        await this.pause.sleep(this.delay(failures));
      }
      if (waitForServer && !(await this.serverIsBack())) {
        return;
      }
      const connection = this.gate?.connection;
      if (this.stopped || !connection) {
        return;
      }
      const outcome = await reconnectOnce(this.client, connection, {
        refreshToken,
        connectTimeoutMs: this.client.defaultWSTimeout,
        isCancelled: () => this.stopped,
      });
      if (this.stopped || this.finished(outcome)) {
        return;
      }
      failures++;
      waitForServer = outcome.kind === 'unreachable' || outcome.kind === 'state-failed';
      refreshToken = outcome.kind === 'token-expired' || outcome.kind === 'token-failed';
      if ('error' in outcome) {
        this.outage.record(outcome.error);
      }
      this.outage.check();
    }
  }

  /** Ends the outage when the outcome ends the loop; whether it did. */
  private finished(outcome: ReconnectOutcome): boolean {
    switch (outcome.kind) {
      case 'recovered':
        this.outage.recovered();
        return true;
      case 'closed':
        this.outage.abandon();
        return true;
      case 'refused':
        this.outage.lost(outcome.error);
        return true;
      case 'token-expired':
        // A static token cannot be renewed: the session cannot come back.
        if (this.client.tokenManager.isStatic()) {
          this.outage.lost(outcome.error);
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  /** Checks until the server answers; false when stopped first. */
  private async serverIsBack(): Promise<boolean> {
    for (let checks = 1; !this.stopped; checks++) {
      if (await serverAnswers(this.client)) {
        return !this.stopped;
      }
      this.outage.check();
      await this.pause.sleep(this.delay(checks));
    }
    return false;
  }

  private delay(attempt: number): number {
    return retryDelay(attempt, FIRST_PAUSE_MS, this.settings.maxRetryDelayMs);
  }
}
