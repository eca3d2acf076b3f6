import { inputError } from '../protocol/api-error';
import { TokenRevocations } from '../auth/token-revocations';
import { SessionRegistry } from '../sessions/session-registry';
import { ConnectionRefusals } from './connection-refusals';
import { RequestFaults } from './request-faults';
import { SaveFaults } from './save-faults';

/** Which sockets {@link EmulatorFaults.dropSockets} closes, and how. */
export interface DropSocketsOptions {
  /** Only this user's sockets; every socket when omitted. */
  userId?: string;
  /**
   * The close code. The default 1012 ("service restart") makes clients reconnect;
   * 1000 keeps them away; 1006 cuts the TCP connection without a close frame.
   */
  code?: number;
}

/** Options of {@link EmulatorFaults.waitForConnectionCount}. */
export interface WaitForConnectionsOptions {
  /** Count only this user's sockets. */
  userId?: string;
  /** Give up after this many ms (default 3000). */
  timeoutMs?: number;
}

/**
 * Fault injection and connection inspection, for tests. Also reachable over HTTP under
 * `/admin/...` with a server token (see the README).
 */
export interface EmulatorFaults {
  /** Closes sockets (all, or one user's) with a close code. @returns how many were closed. */
  dropSockets(options?: DropSocketsOptions): number;
  /** Makes the next `count` HTTP requests fail with `status` (default 500, code -1; 429 gives code 9). */
  failNextRequests(count: number, status?: number): void;
  /** Makes the next `count` HTTP requests wait `ms` milliseconds. */
  delayNextRequests(count: number, ms: number): void;
  /** Drops pending request failures and delays, and ends refused connections. */
  clearRequestFaults(): void;
  /**
   * Simulates an outage of the WebSocket endpoint: for `durationMs`, new sockets (of one user,
   * or everyone's) are refused with HTTP 503 while HTTP routes keep working. Combine with
   * `dropSockets` to keep clients offline long enough for them to report it.
   */
  refuseConnections(durationMs: number, userId?: string): void;
  /**
   * Expires the user's tokens issued before now: they are answered with code 40, so a
   * client with a token provider fetches a new one. See the README for the exact rule.
   */
  expireTokens(userId: string): void;
  /** Revokes the user's tokens issued before now: they are answered with code 42. */
  revokeTokens(userId: string): void;
  /** How many sockets are open, for one user or in total. */
  connectionCount(userId?: string): number;
  /**
   * Resolves once exactly `count` sockets are open (for one user or in total).
   * @throws Error when the count is not reached within the timeout.
   */
  waitForConnectionCount(count: number, options?: WaitForConnectionsOptions): Promise<void>;
  /**
   * Makes the next `count` writes of the data file or its journal fail as a full disk would.
   * The request whose change could not be saved is answered 503 (its change stays in memory),
   * and changes are refused with 503 until a save succeeds (retried every second).
   * Without a data file there is nothing to fail.
   */
  failDataFileWrites(count: number): void;
}

/** What the fault API acts on. */
export interface FaultTargets {
  sessions: SessionRegistry;
  requestFaults: RequestFaults;
  connectionRefusals: ConnectionRefusals;
  revocations: TokenRevocations;
  /** Pending failures of data-file writes. */
  saveFaults: SaveFaults;
  /** Closes the matching sockets with the code. @returns how many. */
  dropSockets(userId: string | undefined, code: number): number;
}

/** Close codes a server may send, plus 1006 (emulated by cutting the connection). */
function isUsableCloseCode(code: number): boolean {
  return (
    Number.isInteger(code) &&
    ((code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005) ||
      (code >= 3000 && code <= 4999))
  );
}

function checkCount(count: number, name = 'count'): void {
  if (!Number.isInteger(count) || count < 0 || count > 100_000) {
    throw inputError(`${name} must be a whole number between 0 and 100000`);
  }
}

/** Builds the fault-injection API over the emulator's parts. */
export function createEmulatorFaults(targets: FaultTargets): EmulatorFaults {
  return {
    dropSockets(options: DropSocketsOptions = {}): number {
      const code = options.code ?? 1012;
      if (!isUsableCloseCode(code)) {
        throw inputError(
          `close code ${code} cannot be sent; use 1000-1014 (not 1004/1005) or 3000-4999`,
        );
      }
      return targets.dropSockets(options.userId, code);
    },
    failNextRequests(count: number, status = 500): void {
      checkCount(count);
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        throw inputError('status must be an HTTP error status (400-599)');
      }
      targets.requestFaults.failNext(count, status);
    },
    delayNextRequests(count: number, ms: number): void {
      checkCount(count);
      if (!Number.isFinite(ms) || ms < 0 || ms > 60_000) {
        throw inputError('delay must be between 0 and 60000 ms');
      }
      targets.requestFaults.delayNext(count, ms);
    },
    clearRequestFaults(): void {
      targets.requestFaults.clear();
      targets.connectionRefusals.clear();
    },
    refuseConnections(durationMs: number, userId?: string): void {
      if (!Number.isFinite(durationMs) || durationMs < 0 || durationMs > 600_000) {
        throw inputError('duration must be between 0 and 600000 ms');
      }
      targets.connectionRefusals.refuse(durationMs, userId);
    },
    expireTokens(userId: string): void {
      targets.revocations.expire(userId);
    },
    revokeTokens(userId: string): void {
      targets.revocations.revoke(userId);
    },
    connectionCount(userId?: string): number {
      return targets.sessions.count(userId);
    },
    async waitForConnectionCount(
      count: number,
      options: WaitForConnectionsOptions = {},
    ): Promise<void> {
      const deadline = Date.now() + (options.timeoutMs ?? 3000);
      while (targets.sessions.count(options.userId) !== count) {
        if (Date.now() > deadline) {
          const who = options.userId ? ` for ${options.userId}` : '';
          throw new Error(
            `stream-chat-emulator: expected ${count} open sockets${who}, found ${targets.sessions.count(options.userId)}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    failDataFileWrites(count: number): void {
      checkCount(count);
      targets.saveFaults.failNext(count);
    },
  };
}
