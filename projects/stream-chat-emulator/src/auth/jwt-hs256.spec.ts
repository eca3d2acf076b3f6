import jwt from 'jsonwebtoken';
import { UserFromToken } from 'stream-chat';
import { payloadJson, signJwt, verifyJwtSignature } from './jwt-hs256';

describe('signJwt and verifyJwtSignature', () => {
  it('signs exactly the claims, and verifies with the same secret only', () => {
    const token = signJwt({ server: true }, 'secret');

    expect(token).toBe(
      jwt.sign({ server: true }, 'secret', { algorithm: 'HS256', noTimestamp: true }),
    );
    expect(() => verifyJwtSignature(token, 'secret')).not.toThrow();
    expect(() => verifyJwtSignature(token, 'other')).toThrow('invalid signature');
    expect(() => verifyJwtSignature('a.b', 'secret')).toThrow('jwt malformed');
  });

  it.each(['a~?>b', 'émile', 'ユーザー😀', '\u007f>?~'])(
    'keeps "-" and "_" out of the payload for %j, which the client then reads',
    (id) => {
      const token = signJwt({ user_id: id, note: '>?~' }, 's');

      expect(token.split('.')[1]).not.toMatch(/[-_]/);
      expect(UserFromToken(token)).toBe(id);
      expect(jwt.verify(token, 's')).toEqual({ user_id: id, note: '>?~' });
    },
  );

  it('writes only the unsafe characters as escapes', () => {
    expect(payloadJson({ id: 'a>b', n: 1 })).toBe('{"id":"a\\u003eb","n":1}');
    expect(payloadJson({ id: 'plain' })).toBe('{"id":"plain"}');
  });

  it('verifies expired tokens: expiry is the caller’s to judge', () => {
    const token = signJwt({ user_id: 'u', exp: 1 }, 's');

    expect(() => verifyJwtSignature(token, 's')).not.toThrow();
  });
});
