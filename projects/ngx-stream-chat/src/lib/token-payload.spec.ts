import { UserFromToken } from 'stream-chat';
import { signServerToken, signUserToken } from 'ngx-stream-chat/testing';
import { hasUrlSafePayload, readTokenPayload } from './token-payload';

const HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
/** The standard base64 of `json`'s UTF-8 bytes, without padding. */
const base64 = (json: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(json))).replace(/=+$/, '');
const toUrlSafe = (segment: string) => segment.replace(/\+/g, '-').replace(/\//g, '_');

/** The user id the `stream-chat` client would connect a static token for, or `null` if none. */
function clientAcceptedId(token: string): string | null {
  try {
    const id: unknown = UserFromToken(token);
    return typeof id === 'string' && id !== '' ? id : null;
  } catch {
    return null;
  }
}

/** The user id the library's pre-check accepts the same token for, or `null` if none. */
function libraryAcceptedId(token: string): string | null {
  const id = readTokenPayload(token)?.['user_id'];
  return typeof id === 'string' && id !== '' ? id : null;
}

describe('readTokenPayload', () => {
  it('reads the padded standard base64 payload of a dev token', () => {
    const devToken = `${HEADER}.eyJ1c2VyX2lkIjoiYWxpY2UifQ==.devtoken`;

    expect(readTokenPayload(devToken)).toEqual({ user_id: 'alice' });
  });

  it('reads an unpadded payload', () => {
    const payload = base64(JSON.stringify({ user_id: 'bob', exp: 1 }));

    expect(readTokenPayload(`h.${payload}.s`)).toEqual({ user_id: 'bob', exp: 1 });
  });

  it('refuses a base64url payload with "-" or "_", which the client cannot decode', () => {
    const json = JSON.stringify({ user_id: 'bob', q: '???>>>' });
    const urlSafe = toUrlSafe(base64(json));
    expect(urlSafe).toMatch(/[-_]/);
    const token = `${HEADER}.${urlSafe}.s`;

    expect(readTokenPayload(token)).toBeUndefined();
    expect(hasUrlSafePayload(token)).toBe(true);
    expect(clientAcceptedId(token)).toBeNull();
    // The same claims in standard base64 are read by both.
    expect(readTokenPayload(`${HEADER}.${base64(json)}.s`)).toEqual({
      user_id: 'bob',
      q: '???>>>',
    });
  });

  it('reads bytes beyond ASCII one character each, as the client does', () => {
    const token = `${HEADER}.${base64('{"user_id":"zoe","name":"Zoë"}')}.s`;

    expect(readTokenPayload(token)).toEqual({ user_id: 'zoe', name: 'ZoÃ«' });
    expect(UserFromToken(token)).toBe('zoe');
  });

  it.each([
    '',
    'abc',
    'a.b',
    'a.e30.b.c',
    'a.!!!.c',
    `a.${btoa('"text"')}.c`,
    `a.${btoa('null')}.c`,
  ])('returns undefined for %j', (token) => {
    expect(readTokenPayload(token)).toBeUndefined();
  });

  it('agrees with the client on every token of a corpus of awkward payloads', () => {
    const ids = ['alice', 'a~?>b', 'x>y?', 'é', 'ユーザー', '>>>???~~~', 'a@b_c-d', '😀'];
    const tokens: string[] = [];
    for (const id of ids) {
      for (let pad = 0; pad < 3; pad++) {
        const json = JSON.stringify({ user_id: id, p: 'x'.repeat(pad) });
        const standard = base64(json);
        tokens.push(
          `${HEADER}.${standard}.s`,
          `${HEADER}.${toUrlSafe(standard)}.s`,
          `${HEADER}.${btoa(unescape(encodeURIComponent(json)))}.s`,
          `${HEADER}.${standard.slice(0, -1)}.s`,
          `${HEADER}.${standard} .s`,
          `${HEADER}.${standard}=.s`,
        );
      }
    }
    // Random segments over the base64url and standard alphabets, some with JSON inside.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=';
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 2000; i++) {
      const prefix = base64('{"user_id":"u').slice(0, 16);
      const tail = Array.from({ length: random(12) }, () => alphabet[random(alphabet.length)]);
      tokens.push(`${HEADER}.${prefix}${tail.join('')}.s`);
    }

    const disagreements = tokens.filter(
      (token) => clientAcceptedId(token) !== libraryAcceptedId(token),
    );

    expect(disagreements).toEqual([]);
    const accepted = tokens.filter((token) => libraryAcceptedId(token) !== null).length;
    expect(accepted).toBeGreaterThan(20);
    expect(tokens.length - accepted).toBeGreaterThan(20);
  });

  it('reads every token signUserToken makes as the client does, whatever the id holds', () => {
    const ids = ['alice', 'a~?>b', 'é', 'ユーザー😀', '\u007f>?~', 'a"b\\c', ' ', 'x'.repeat(300)];
    for (const id of ids) {
      for (const expiresInSeconds of [undefined, 1, 59, 86_400]) {
        const token = signUserToken('s', id, { expiresInSeconds, issuedAt: 1_700_000_000 });

        expect(hasUrlSafePayload(token)).toBe(false);
        expect(libraryAcceptedId(token)).toBe(id);
        expect(clientAcceptedId(token)).toBe(id);
      }
    }
  });

  it('reads JSON that is not a user token without a user id, as the client finds none', () => {
    const array = `${HEADER}.${base64('["user_id"]')}.s`;
    const numeric = `${HEADER}.${base64('{"user_id":5}')}.s`;

    expect(libraryAcceptedId(array)).toBeNull();
    expect(clientAcceptedId(array)).toBeNull();
    expect(libraryAcceptedId(numeric)).toBeNull();
    expect(readTokenPayload(numeric)).toEqual({ user_id: 5 });
    expect(readTokenPayload(signServerToken('s'))).toEqual({ server: true });
  });
});
