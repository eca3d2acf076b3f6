import { KeyObject, createPublicKey, createSecretKey } from 'node:crypto';

/** How many secrets keep their key; emulators in one process rarely use more than a few. */
const MAX_CACHED_SECRETS = 16;

const keysBySecret = new Map<string, KeyObject | string>();

/**
 * The key to hand to `jsonwebtoken.verify` for tokens signed with `secret`.
 *
 * Given a string, `jsonwebtoken` builds a key on every call, first trying to parse the string
 * as a PEM public key (about half a millisecond per request). This builds the same HMAC key
 * once per secret and keeps it. A secret that `jsonwebtoken` would not use as an HMAC key (the
 * empty string, which it refuses, or a parseable public key) is returned as the string itself,
 * so those tokens are judged exactly as before.
 * @example
 * jwt.verify(token, verificationKey(apiSecret), { algorithms: ['HS256'] });
 */
export function verificationKey(secret: string): KeyObject | string {
  const cached = keysBySecret.get(secret);
  if (cached !== undefined) {
    return cached;
  }
  const key = hmacKeyOrSecret(secret);
  if (keysBySecret.size >= MAX_CACHED_SECRETS) {
    const oldest = keysBySecret.keys().next().value;
    if (oldest !== undefined) {
      keysBySecret.delete(oldest);
    }
  }
  keysBySecret.set(secret, key);
  return key;
}

function hmacKeyOrSecret(secret: string): KeyObject | string {
  if (secret === '') {
    return secret;
  }
  try {
    createPublicKey(secret);
    return secret;
  } catch {
    return createSecretKey(Buffer.from(secret));
  }
}
