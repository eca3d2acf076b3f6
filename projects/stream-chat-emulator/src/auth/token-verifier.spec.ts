import jwt from 'jsonwebtoken';
import { DevToken } from 'stream-chat';
import { ApiError } from '../protocol/api-error';
import { mintServerToken, mintUserToken } from './guest-token';
import { TokenRevocations } from './token-revocations';
import { TokenVerifier } from './token-verifier';

const SECRET = 'unit-secret';

function verifier(devTokens = true, revocations = new TokenRevocations()): TokenVerifier {
  return new TokenVerifier({ apiKey: 'unit-key', apiSecret: SECRET, devTokens, revocations });
}

function codeOf(action: () => unknown): number | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof ApiError ? error.code : -999;
  }
  return undefined;
}

describe('TokenVerifier', () => {
  it('accepts a user token signed with the secret', () => {
    expect(verifier().verify(jwt.sign({ user_id: 'alice' }, SECRET))).toMatchObject({
      kind: 'user',
      userId: 'alice',
    });
  });

  it('accepts dev tokens with padded standard base64 payloads while enabled', () => {
    expect(DevToken('alice').split('.')[1]).toMatch(/=$/);
    expect(verifier().verify(DevToken('alice'))).toEqual({
      kind: 'user',
      userId: 'alice',
      devToken: true,
      issuedAt: undefined,
    });
    expect(verifier().verify(DevToken('bob'))).toMatchObject({ userId: 'bob' });
  });

  it('refuses dev tokens when disabled (43)', () => {
    expect(codeOf(() => verifier(false).verify(DevToken('alice')))).toBe(43);
  });

  it('maps each token problem to Stream’s code', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(codeOf(() => verifier().verify(jwt.sign({ user_id: 'a' }, 'other')))).toBe(43);
    expect(
      codeOf(() => verifier().verify(jwt.sign({ user_id: 'a' }, SECRET, { algorithm: 'HS512' }))),
    ).toBe(43);
    expect(codeOf(() => verifier().verify(jwt.sign({ user_id: 'a', exp: now - 1 }, SECRET)))).toBe(
      40,
    );
    expect(
      codeOf(() => verifier().verify(jwt.sign({ user_id: 'a', nbf: now + 600 }, SECRET))),
    ).toBe(41);
    expect(
      codeOf(() => verifier().verify(jwt.sign({ user_id: 'a', iat: now + 600 }, SECRET))),
    ).toBe(42);
    expect(codeOf(() => verifier().verify(jwt.sign({ name: 'no user' }, SECRET)))).toBe(5);
    expect(codeOf(() => verifier().verify(jwt.sign('{"user_id":"a","exp":"soon"}', SECRET)))).toBe(
      5,
    );
    expect(codeOf(() => verifier().verify('only.two'))).toBe(5);
    expect(codeOf(() => verifier().verify('a.b.c'))).toBe(5);
    expect(codeOf(() => verifier().verify(''))).toBe(5);
  });

  it('treats {server: true} as a server token', () => {
    expect(verifier().verify(mintServerToken(SECRET))).toEqual({ kind: 'server' });
  });

  it('expires a token without iat that was first seen in the same millisecond', () => {
    const revocations = new TokenRevocations();
    const subject = verifier(true, revocations);
    const now = Date.now();
    const token = mintUserToken('carol', SECRET);
    subject.verify(token, now);
    revocations.expire('carol', now);
    expect(codeOf(() => subject.verify(token, now))).toBe(40);
  });

  it('applies expiry and revocation faults', () => {
    const revocations = new TokenRevocations();
    const subject = verifier(true, revocations);
    const start = Date.now();
    const plain = mintUserToken('alice', SECRET);
    subject.verify(plain, start);
    const withIat = mintUserToken('alice', SECRET, { iat: Math.floor(start / 1000) - 5 });
    revocations.expire('alice', start + 1);
    expect(codeOf(() => subject.verify(plain, start + 2))).toBe(40);
    expect(codeOf(() => subject.verify(plain, start + 3))).toBeUndefined();
    expect(codeOf(() => subject.verify(withIat, start + 4))).toBe(40);
    expect(codeOf(() => subject.verify(withIat, start + 5))).toBe(40);
    expect(
      codeOf(() =>
        subject.verify(
          mintUserToken('alice', SECRET, { exp: Math.floor(start / 1000) + 99 }),
          start + 6,
        ),
      ),
    ).toBeUndefined();
    revocations.revoke('alice', start + 10);
    expect(codeOf(() => subject.verify(plain, start + 11))).toBe(42);
    expect(codeOf(() => subject.verify(plain, start + 12))).toBe(42);
    expect(codeOf(() => subject.verify(mintUserToken('bob', SECRET), start + 13))).toBeUndefined();
  });
});
