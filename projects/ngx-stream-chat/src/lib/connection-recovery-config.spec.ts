import {
  DEFAULT_CONNECTION_RECOVERY,
  connectionRecoverySettings,
} from './connection-recovery-config';
import { StreamChatError } from './stream-chat-errors';

describe('connectionRecoverySettings', () => {
  it('fills in the defaults, and is off with false', () => {
    expect(connectionRecoverySettings(undefined)).toEqual(DEFAULT_CONNECTION_RECOVERY);
    expect(connectionRecoverySettings({ maxRetryDelayMs: 500 })).toEqual({
      ...DEFAULT_CONNECTION_RECOVERY,
      maxRetryDelayMs: 500,
    });
    expect(connectionRecoverySettings({ reportOutageAfterMs: 0 })?.reportOutageAfterMs).toBe(0);
    expect(connectionRecoverySettings(false)).toBeUndefined();
  });

  it.each([
    [{ maxRetryDelayMs: 10 }, /maxRetryDelayMs must be a number of milliseconds of at least 100/],
    [{ maxRetryDelayMs: Infinity }, /maxRetryDelayMs/],
    [{ reportOutageAfterMs: -1 }, /reportOutageAfterMs .* it was -1/],
    [{ reportOutageAfterMs: '5' }, /reportOutageAfterMs/],
    [true, /connectionRecovery must be an object of settings, or false/],
  ])('refuses %p with an invalid-input error', (configured, message) => {
    const error = (() => {
      try {
        connectionRecoverySettings(configured as never);
        return undefined;
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(StreamChatError);
    expect(error).toMatchObject({ kind: 'invalid-input' });
    expect((error as Error).message).toMatch(message);
  });
});
