import { createHmac } from 'crypto';
import { UserFromToken } from 'stream-chat';
import { signToken, signUserToken } from './user-token';

const decodePayload = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

describe('signUserToken', () => {
  it('signs an HS256 JWT for the user that verifies with the secret', () => {
    const token = signUserToken('s3cret', 'alice');
    const [header, payload, signature] = token.split('.');

    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'JWT',
    });
    expect(decodePayload(token)).toEqual({ user_id: 'alice' });
    expect(signature).toBe(
      createHmac('sha256', 's3cret').update(`${header}.${payload}`).digest('base64url'),
    );
  });

  it('sets exp from expiresInSeconds and iat when asked', () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = decodePayload(
      signUserToken('s', 'bob', { expiresInSeconds: 60, issuedAt: now }),
    );

    expect(claims['exp']).toBeGreaterThanOrEqual(now + 59);
    expect(claims['exp']).toBeLessThanOrEqual(now + 61);
    expect(claims['iat']).toBe(now);
  });

  it('keeps the payload free of base64url-only characters for many ids', () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@_-.';
    for (let i = 0; i < 500; i++) {
      const id = Array.from(
        { length: 1 + (i % 17) },
        (_, j) => alphabet[(i * 7 + j * 13) % 66],
      ).join('');
      const token = signUserToken('s', id, { expiresInSeconds: i });

      expect(token.split('.')[1]).not.toMatch(/[-_]/);
      expect(decodePayload(token)['user_id']).toBe(id);
    }
  });

  it.each(['a~?>b', 'é', 'x>y?', '>>>???~~~', 'a>b?c~d\u007f😀', 'ユーザー'])(
    'makes a token for %j whose payload the stream-chat client reads back',
    (id) => {
      const token = signUserToken('s', id, { expiresInSeconds: 60 });
      const [header, payload, signature] = token.split('.');

      expect(payload).not.toMatch(/[-_]/);
      expect(UserFromToken(token)).toBe(id);
      expect(decodePayload(token)['user_id']).toBe(id);
      expect(signature).toBe(
        createHmac('sha256', 's').update(`${header}.${payload}`).digest('base64url'),
      );
    },
  );

  it('keeps other claims as they were, escaped or not', () => {
    const claims = { user_id: 'u', note: 'é >?~ 😀', n: 1, nested: { list: ['>?'] } };
    const token = signToken('s', claims);

    expect(token.split('.')[1]).not.toMatch(/[-_]/);
    expect(decodePayload(token)).toEqual(claims);
  });
});
