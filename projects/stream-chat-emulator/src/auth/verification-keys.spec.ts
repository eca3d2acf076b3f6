import { KeyObject, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { verificationKey } from './verification-keys';

describe('verificationKey', () => {
  it('builds one HMAC key per secret and hands out the same object again', () => {
    const key = verificationKey('cache-secret');
    expect(key).toBeInstanceOf(KeyObject);
    expect((key as KeyObject).type).toBe('secret');
    expect(verificationKey('cache-secret')).toBe(key);
    expect(verificationKey('another-secret')).not.toBe(key);
  });

  it('verifies exactly the tokens the string secret verifies', () => {
    const key = verificationKey('cache-secret');
    const options: jwt.VerifyOptions = { algorithms: ['HS256'] };
    const token = jwt.sign({ user_id: 'alice' }, 'cache-secret');
    expect(jwt.verify(token, key, options)).toMatchObject({ user_id: 'alice' });
    const forged = jwt.sign({ user_id: 'alice' }, 'other-secret');
    expect(() => jwt.verify(forged, key, options)).toThrow('invalid signature');
  });

  it('forgets the oldest secrets beyond its bound and rebuilds an equal key', () => {
    const first = verificationKey('secret-0');
    for (let index = 1; index < 40; index++) {
      verificationKey(`secret-${index}`);
    }
    const rebuilt = verificationKey('secret-0');
    expect(rebuilt).not.toBe(first);
    expect((rebuilt as KeyObject).equals(first as KeyObject)).toBe(true);
  });

  it('returns secrets jsonwebtoken does not treat as HMAC keys unchanged', () => {
    expect(verificationKey('')).toBe('');
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verificationKey(pem)).toBe(pem);
  });
});
