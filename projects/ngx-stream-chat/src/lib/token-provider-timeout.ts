import type { TokenProvider } from 'stream-chat';
import {
  invalidInputError,
  tokenProviderAbandonedError,
  tokenProviderTimeoutError,
} from './stream-chat-errors';

/** How long one token provider call may take when `tokenProviderTimeoutMs` is not configured. */
export const DEFAULT_TOKEN_PROVIDER_TIMEOUT_MS = 10_000;

/** The longest delay `setTimeout` honours; longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Checks a configured `tokenProviderTimeoutMs` and fills in the default.
 * @throws StreamChatError `invalid-input` unless it is a positive number (or `Infinity`).
 */
export function tokenProviderTimeout(configured: unknown): number {
  if (configured === undefined) {
    return DEFAULT_TOKEN_PROVIDER_TIMEOUT_MS;
  }
  if (typeof configured !== 'number' || !(configured > 0)) {
    throw invalidInputError(
      `tokenProviderTimeoutMs must be a positive number of milliseconds (or Infinity to wait ` +
        `forever); it was ${String(configured)}. Fix it in provideStreamChat().`,
    );
  }
  return configured;
}

/** A token provider whose every call has a time limit, and whose pending calls can be dropped. */
export interface TimedTokenProvider {
  /**
   * Calls the app's provider and answers as it does, or rejects with a `token-provider-failed`
   * `StreamChatError` when it does not answer within the time limit.
   */
  readonly provider: TokenProvider;
  /**
   * Rejects every pending call at once (with a `superseded` `StreamChatError`) and clears its
   * timer; later calls are refused the same way. Idempotent.
   */
  abandon(): void;
}

/**
 * Wraps `provider` so that no call of it can hang: each call rejects after `timeoutMs`
 * unless the provider answered first. The provider's own answer, or its own error, passes through
 * unchanged; a late answer is ignored.
 *
 * @example
 * const timed = timeLimitedTokenProvider(fetchToken, 10_000);
 * await client.connectUser(user, timed.provider);
 * // when the session ends:
 * timed.abandon();
 */
export function timeLimitedTokenProvider(
  provider: TokenProvider,
  timeoutMs: number,
): TimedTokenProvider {
  const pending = new Set<(error: unknown) => void>();
  let abandoned = false;
  return {
    provider: () =>
      new Promise<string>((resolve, reject) => {
        if (abandoned) {
          reject(tokenProviderAbandonedError());
          return;
        }
        let timer: ReturnType<typeof setTimeout> | undefined;
        const finish = (answer: () => void) => {
          if (pending.delete(fail)) {
            clearTimeout(timer);
            answer();
          }
        };
        const fail = (error: unknown) => finish(() => reject(error));
        pending.add(fail);
        if (timeoutMs <= MAX_TIMER_MS) {
          timer = setTimeout(() => fail(tokenProviderTimeoutError(timeoutMs)), timeoutMs);
        }
        Promise.resolve()
          .then(provider)
          .then((token) => finish(() => resolve(token)), fail);
      }),
    abandon: () => {
      abandoned = true;
      for (const fail of [...pending]) {
        fail(tokenProviderAbandonedError());
      }
    },
  };
}
