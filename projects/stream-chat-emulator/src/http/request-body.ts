import { IncomingMessage } from 'node:http';
import { inputError, payloadTooBigError } from '../protocol/api-error';
import { isPlainObject } from '../protocol/body-fields';
import { parseJsonWithin } from '../protocol/json-limits';

/** Largest accepted request body: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Bodies beyond this are not even drained; the connection is cut. */
const MAX_DRAINED_BYTES = 64 * MAX_BODY_BYTES;

/**
 * Reads a request body as a JSON object. An empty body reads as `{}`.
 * A body over {@link MAX_BODY_BYTES} is drained (so the client still gets the answer)
 * and refused with code 22.
 * @throws ApiError code 22 for a body too big, code 4 for a body that is not a JSON object.
 */
export async function readJsonBody(
  request: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<Record<string, unknown>> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_DRAINED_BYTES) {
    request.destroy();
    throw payloadTooBigError(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_DRAINED_BYTES) {
      request.destroy();
      break;
    }
    if (size <= limit) {
      chunks.push(buffer);
    }
  }
  if (size > limit) {
    throw payloadTooBigError(limit);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') {
    return {};
  }
  const body = parseJsonWithin(text, 'request body');
  if (!isPlainObject(body)) {
    throw inputError('request body must be a JSON object');
  }
  return body;
}
