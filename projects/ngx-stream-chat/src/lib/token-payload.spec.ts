import { readTokenPayload } from './token-payload';

describe('readTokenPayload', () => {
  it('reads the padded standard base64 payload of a dev token', () => {
    const devToken = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoiYWxpY2UifQ==.devtoken';

    expect(readTokenPayload(devToken)).toEqual({ user_id: 'alice' });
  });

  it('reads an unpadded base64url payload', () => {
    const payload = btoa(JSON.stringify({ user_id: 'bob', exp: 1 })).replace(/=+$/, '');

    expect(readTokenPayload(`h.${payload}.s`)).toEqual({ user_id: 'bob', exp: 1 });
  });

  it('reads base64url with the characters standard base64 spells + and /', () => {
    const standard = btoa(JSON.stringify({ user_id: 'bob', q: '???>>>' })).replace(/=+$/, '');
    expect(standard).toMatch(/[+/]/);
    const urlSafe = standard.replace(/\+/g, '-').replace(/\//g, '_');

    expect(readTokenPayload(`h.${urlSafe}.s`)).toEqual({ user_id: 'bob', q: '???>>>' });
  });

  it('reads a payload with characters beyond ASCII, encoded as UTF-8', () => {
    const bytes = Array.from(new TextEncoder().encode('{"user_id":"zoe","name":"Zoë 🚀"}'), (b) =>
      String.fromCharCode(b),
    ).join('');

    expect(readTokenPayload(`h.${btoa(bytes)}.s`)).toEqual({ user_id: 'zoe', name: 'Zoë 🚀' });
  });

  it.each(['', 'abc', 'a.b', 'a.e30.b.c', 'a.!!!.c', `a.${btoa('"text"')}.c`])(
    'returns undefined for %j',
    (token) => {
      expect(readTokenPayload(token)).toBeUndefined();
    },
  );
});
