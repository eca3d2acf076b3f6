import { invalidInputError } from './stream-chat-errors';

/**
 * How the library brings a connected user back after an outage (`StreamChatConfig.connectionRecovery`).
 * Every field is optional; the defaults suit most apps.
 */
export interface ConnectionRecoveryConfig {
  /**
   * The longest pause, in milliseconds, between two checks of whether the server answers again,
   * and between two reconnect attempts; 3,000 by default. Pauses start at a few hundred
   * milliseconds and grow to this cap, with some randomness so that many clients do not retry
   * in step.
   */
  maxRetryDelayMs?: number;
  /**
   * How long, in milliseconds, an outage may last before it is reported to Angular's
   * `ErrorHandler`; 30,000 by default. Each outage is reported at most once, with the number of
   * failed attempts: when it has lasted this long, when it ends after a token provider failure,
   * or when the session cannot come back (its token was refused).
   */
  reportOutageAfterMs?: number;
}

/** The recovery settings in use, defaults filled in. */
export interface ConnectionRecoverySettings {
  /** The longest pause between two checks or attempts, in ms. */
  readonly maxRetryDelayMs: number;
  /** How long an outage lasts before it is reported, in ms. */
  readonly reportOutageAfterMs: number;
}

/** The defaults of {@link ConnectionRecoveryConfig}. */
export const DEFAULT_CONNECTION_RECOVERY: ConnectionRecoverySettings = {
  maxRetryDelayMs: 3_000,
  reportOutageAfterMs: 30_000,
};

/** The shortest `maxRetryDelayMs` accepted: below it, checks would flood the server. */
const MIN_RETRY_DELAY_MS = 100;

function positiveNumber(name: string, value: unknown, fallback: number, minimum: number): number {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum) {
    throw invalidInputError(
      `connectionRecovery.${name} must be a number of milliseconds of at least ${minimum}; it ` +
        `was ${String(value)}. Fix it in provideStreamChat().`,
    );
  }
  return value;
}

/**
 * Checks the configured `connectionRecovery` and fills in the defaults.
 * @returns `undefined` when recovery is switched off with `false`.
 * @throws StreamChatError `invalid-input` when a field is not a sensible number of milliseconds.
 */
export function connectionRecoverySettings(
  configured: ConnectionRecoveryConfig | false | undefined,
): ConnectionRecoverySettings | undefined {
  if (configured === false) {
    return undefined;
  }
  if (configured !== undefined && (configured === null || typeof configured !== 'object')) {
    throw invalidInputError(
      'connectionRecovery must be an object of settings, or false to switch recovery off; it was ' +
        `${String(configured)}. Fix it in provideStreamChat().`,
    );
  }
  const config = configured ?? {};
  return {
    maxRetryDelayMs: positiveNumber(
      'maxRetryDelayMs',
      config.maxRetryDelayMs,
      DEFAULT_CONNECTION_RECOVERY.maxRetryDelayMs,
      MIN_RETRY_DELAY_MS,
    ),
    reportOutageAfterMs: positiveNumber(
      'reportOutageAfterMs',
      config.reportOutageAfterMs,
      DEFAULT_CONNECTION_RECOVERY.reportOutageAfterMs,
      0,
    ),
  };
}
