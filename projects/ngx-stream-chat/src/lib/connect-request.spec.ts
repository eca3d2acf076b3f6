import { StreamChatError } from './stream-chat-errors';
import { toConnectRequest } from './connect-request';

const devToken = (id: string) =>
  `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${btoa(JSON.stringify({ user_id: id }))}.devtoken`;

describe('toConnectRequest', () => {
  it('accepts a user id with a static token', () => {
    expect(toConnectRequest('key', 'alice', devToken('alice'))).toEqual({
      kind: 'user',
      user: { id: 'alice' },
      token: devToken('alice'),
    });
  });

  it('accepts a user object with custom fields and a token provider', () => {
    const provider = async () => 'token';
    const user = { id: 'sara', name: 'Sara', image: 'url/to/image', team: 'red' };

    expect(toConnectRequest('key', user, provider)).toEqual({
      kind: 'user',
      user,
      token: provider,
    });
  });

  it('accepts guests by id or object, and anonymous users without one', () => {
    expect(toConnectRequest('key', 'john', 'guest')).toEqual({
      kind: 'guest',
      user: { id: 'john' },
    });
    expect(toConnectRequest('key', { id: 'g', name: 'G' }, 'guest')).toEqual({
      kind: 'guest',
      user: { id: 'g', name: 'G' },
    });
    expect(toConnectRequest('key', undefined, 'anonymous')).toEqual({ kind: 'anonymous' });
  });

  it.each([
    ['an empty api key', '', 'alice', devToken('alice'), /API key/],
    ['a blank api key', '  ', 'alice', devToken('alice'), /API key/],
    ['a user without an id', 'key', undefined, devToken('alice'), /needs a user id/],
    ['a user object without an id', 'key', { name: 'x' }, devToken('alice'), /needs a user id/],
    ['a guest without an id', 'key', undefined, 'guest', /guest needs a user id/],
    ['an id with rejected characters', 'key', 'al ice!', 'guest', /characters Stream rejects/],
    ['a token of the wrong type', 'key', 'alice', 42, /token string, a token provider/],
    ['an empty token', 'key', 'alice', '', /token is empty/],
    ['a token that is not a JWT', 'key', 'alice', 'not-a-jwt', /not a JWT/],
    ['a token for another user', 'key', 'alice', devToken('bob'), /made for user "bob"/],
    [
      'a base64url token the client cannot decode',
      'key',
      'alice',
      `h.${btoa(JSON.stringify({ user_id: 'alice', q: '???>>>' }))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')}.s`,
      /base64url with "-" or "_"/,
    ],
  ])('rejects %s with an invalid-input error', (_, apiKey, user, token, message) => {
    let thrown: unknown;
    try {
      toConnectRequest(apiKey, user as never, token);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(StreamChatError);
    expect((thrown as StreamChatError).kind).toBe('invalid-input');
    expect((thrown as StreamChatError).message).toMatch(message);
  });
});
