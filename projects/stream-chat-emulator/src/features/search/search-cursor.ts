import { inputError } from '../../protocol/api-error';
import { SortField } from '../../store/query-sort';

/** Where a page of search results starts, and the order it continues in. */
export interface SearchCursor {
  offset: number;
  sort: SortField[];
}

/** Encodes a cursor as the opaque `next`/`previous` string (base64url JSON). */
export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** Decodes a `next`/`previous` string. @throws ApiError code 4 when it is not one of ours. */
export function decodeCursor(text: string): SearchCursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as SearchCursor;
    if (
      Number.isInteger(cursor.offset) &&
      cursor.offset >= 0 &&
      Array.isArray(cursor.sort) &&
      cursor.sort.every(
        (entry) =>
          typeof entry.field === 'string' && (entry.direction === 1 || entry.direction === -1),
      )
    ) {
      return cursor;
    }
  } catch {
    // reported below
  }
  throw inputError(`next "${text}" is not a cursor this emulator issued`);
}
