import jwt from 'jsonwebtoken';
import { verificationKey } from './verification-keys';

/**
 * Characters whose byte can encode to `-` or `_` in base64url: `>`, `?`, `~`, DEL and
 * everything outside ASCII. They are written as JSON `\uXXXX` escapes instead.
 */
const UNSAFE_PAYLOAD_CHARACTERS = /[>?~\u007f-\uffff]/g;

/**
 * `claims` as JSON whose base64url encoding never contains `-` or `_`: when every byte is ASCII
 * and none is `>`, `?`, `~` or DEL, no 6-bit group of the encoding can be 62 or 63, so those
 * characters are written as `\uXXXX` escapes (which every JSON parser reads back as the same text).
 */
export function payloadJson(claims: Record<string, unknown>): string {
  return JSON.stringify(claims).replace(
    UNSAFE_PAYLOAD_CHARACTERS,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Signs an HS256 JWT over exactly `claims` (no `iat` added) whose payload segment the
 * `stream-chat` client can decode: it reads payloads with the standard base64 alphabet, so a
 * payload with `-` or `_` would make `connectUser` throw. The header is `{alg: 'HS256', typ:
 * 'JWT'}`, as Stream's SDKs write it. The emulator's one signer.
 */
export function signJwt(claims: Record<string, unknown>, secret: string): string {
  return jwt.sign(payloadJson(claims), secret, {
    algorithm: 'HS256',
    header: { alg: 'HS256', typ: 'JWT' },
  });
}

/**
 * Checks a token's HS256 signature with `secret`, leaving `exp` and `nbf` to the caller. The
 * emulator's one verifier.
 * @throws jsonwebtoken's error (`jwt malformed`, `invalid signature`...) when it does not verify.
 */
export function verifyJwtSignature(token: string, secret: string): void {
  jwt.verify(token, verificationKey(secret), {
    algorithms: ['HS256'],
    ignoreExpiration: true,
    ignoreNotBefore: true,
  });
}
