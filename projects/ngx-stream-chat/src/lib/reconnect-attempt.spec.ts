import { signUserToken } from 'ngx-stream-chat/testing';
import { tokenHasExpired } from './reconnect-attempt';

describe('tokenHasExpired', () => {
  const now = Date.UTC(2030, 0, 1);
  const tokenExpiringAt = (ms: number) =>
    signUserToken('secret', 'alice', { expiresInSeconds: Math.round((ms - Date.now()) / 1000) });

  it('is true for a token whose exp has passed or is a moment away, false otherwise', () => {
    const nowSeconds = Math.floor(now / 1000);
    const withExp = (exp: number) =>
      `e30.${btoa(JSON.stringify({ user_id: 'alice', exp })).replace(/=+$/, '')}.sig`;
    expect(tokenHasExpired(withExp(nowSeconds - 1), now)).toBe(true);
    expect(tokenHasExpired(withExp(nowSeconds + 1), now)).toBe(true);
    expect(tokenHasExpired(withExp(nowSeconds + 60), now)).toBe(false);
  });

  it('is false for tokens without exp, and when there is no readable token', () => {
    expect(tokenHasExpired(signUserToken('secret', 'alice'))).toBe(false);
    expect(tokenHasExpired(tokenExpiringAt(Date.now() + 3_600_000))).toBe(false);
    expect(tokenHasExpired(undefined)).toBe(false);
    expect(tokenHasExpired('not a token')).toBe(false);
  });
});
