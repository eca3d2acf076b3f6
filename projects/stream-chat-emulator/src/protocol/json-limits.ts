import { inputError } from './api-error';

/**
 * Deepest nesting accepted in any JSON the emulator reads (request bodies, query payloads,
 * WebSocket frames). Our own limit: Stream documents none, and real payloads (attachments
 * with actions, filters with `$and`/`$or`) stay far below it. Deeper values would overflow
 * the stack when they are later serialised.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Largest custom data of one user, message, channel, channel member or thread, measured as
 * its JSON in UTF-8 bytes: Stream's documented 5 KB. Reactions have their own, smaller limit
 * (1 KB, `MAX_REACTION_CUSTOM_BYTES` in the reactions feature).
 */
export const MAX_CUSTOM_DATA_BYTES = 5 * 1024;

/**
 * The problem with a parsed JSON value, if any: objects or arrays nested deeper than `limit`,
 * or a `__proto__` key (which would replace an object's prototype when copied field by field).
 * Walked without recursion, so any depth is safe to inspect.
 */
export function jsonShapeProblem(value: unknown, limit: number): string | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof current !== 'object' || current === null) {
      continue;
    }
    if (depth + 1 > limit) {
      return `nests deeper than ${limit} levels`;
    }
    if (!Array.isArray(current) && Object.hasOwn(current, '__proto__')) {
      return 'has a field named "__proto__", which is not allowed';
    }
    for (const child of Object.values(current)) {
      if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/**
 * Parses JSON and refuses values nested deeper than {@link MAX_JSON_DEPTH} or holding a
 * `__proto__` key.
 * @param what names the input in error messages, e.g. `request body`.
 * @throws ApiError code 4 when the text is not JSON or nests too deep.
 */
export function parseJsonWithin(text: string, what: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw inputError(`${what} is not valid JSON`);
  }
  const problem = jsonShapeProblem(value, MAX_JSON_DEPTH);
  if (problem) {
    throw inputError(`${what} ${problem}`);
  }
  return value;
}

/**
 * Refuses custom data over {@link MAX_CUSTOM_DATA_BYTES}.
 * @param owner names whose data it is, e.g. `user "alice"` or `message`.
 * @throws ApiError code 4 naming the owner, the size and the limit.
 */
export function checkCustomDataSize(owner: string, data: Record<string, unknown>): void {
  const bytes = Buffer.byteLength(JSON.stringify(data), 'utf8');
  if (bytes > MAX_CUSTOM_DATA_BYTES) {
    throw inputError(
      `custom data of ${owner} is ${bytes} bytes: the limit is ${MAX_CUSTOM_DATA_BYTES} bytes`,
    );
  }
}
