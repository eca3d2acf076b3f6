import { inputError } from '../../protocol/api-error';

const CURSOR_PREFIX = 'reactions:';

/** The opaque `next` cursor of `queryReactions`: the position of the next page. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

/**
 * Reads a cursor made by {@link encodeCursor}.
 * @throws ApiError code 4 for anything else.
 */
export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString();
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (
    !text.startsWith(CURSOR_PREFIX) ||
    text.length === CURSOR_PREFIX.length ||
    !Number.isSafeInteger(offset) ||
    offset < 0
  ) {
    throw inputError(`next "${cursor}" is not a cursor the emulator issued`);
  }
  return offset;
}
