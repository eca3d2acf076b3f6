import { createHash, createHmac } from 'crypto';
import { hmacSha256, sha256 } from './hmac-sha256';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('sha256 and hmacSha256', () => {
  it.each(['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'é ✓ '.repeat(100)])(
    'match Node crypto for %j',
    (text) => {
      expect(hex(sha256(bytes(text)))).toBe(createHash('sha256').update(text).digest('hex'));
      expect(hex(hmacSha256(bytes('secret'), bytes(text)))).toBe(
        createHmac('sha256', 'secret').update(text).digest('hex'),
      );
    },
  );

  it('hashes keys longer than a block first', () => {
    const key = 'k'.repeat(100);

    expect(hex(hmacSha256(bytes(key), bytes('msg')))).toBe(
      createHmac('sha256', key).update('msg').digest('hex'),
    );
  });
});
