import jwt from 'jsonwebtoken';
import { UserFromToken } from 'stream-chat';
import { mintUserToken } from './guest-token';

describe('mintUserToken', () => {
  const awkwardIds = [
    'alice',
    'user0~?>',
    '>>>???~~~',
    'émile',
    'ユーザー',
    'a>b?c~d\u007f😀',
    'x'.repeat(200),
  ];

  it.each(awkwardIds)(
    'mints a token for %s that the client can decode and the secret verifies',
    (id) => {
      const token = mintUserToken(id, 'secret', { exp: 4102444800, iat: 1700000000 });
      const payload = token.split('.')[1];
      expect(payload).not.toMatch(/[-_]/);
      expect(UserFromToken(token)).toBe(
        // The client decodes bytes as Latin-1; ASCII-escaped payloads survive that intact.
        id,
      );
      expect(jwt.verify(token, 'secret')).toMatchObject({
        user_id: id,
        exp: 4102444800,
        iat: 1700000000,
      });
    },
  );
});
