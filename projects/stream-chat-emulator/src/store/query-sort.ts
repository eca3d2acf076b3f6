import { inputError } from '../protocol/api-error';
import { isPlainObject } from '../protocol/body-fields';
import { compareValues } from './query-filter';

/** One sort key as the client sends it after `normalizeQuerySort`. */
export interface SortField {
  field: string;
  /** 1 ascending, -1 descending. */
  direction: 1 | -1;
}

/**
 * Parses `sort`: an array of `{field, direction}` (what the client sends), or an object
 * `{field: direction}`; missing or empty means `fallback`.
 * @throws ApiError code 4 when malformed.
 */
export function parseSort(sort: unknown, fallback: SortField[]): SortField[] {
  if (sort === undefined || sort === null) {
    return fallback;
  }
  const entries: unknown[] = Array.isArray(sort)
    ? sort
    : isPlainObject(sort)
      ? Object.entries(sort).map(([field, direction]) => ({ field, direction }))
      : [sort];
  const parsed = entries.map((entry): SortField => {
    if (!isPlainObject(entry) || typeof entry['field'] !== 'string' || entry['field'] === '') {
      throw inputError('sort must be a list of {field, direction}');
    }
    const direction = entry['direction'] ?? 1;
    if (direction !== 1 && direction !== -1) {
      throw inputError(`sort direction of ${entry['field']} must be 1 or -1`);
    }
    return { field: entry['field'], direction };
  });
  return parsed.length > 0 ? parsed : fallback;
}

/**
 * Sorts records by the keys in order. Records without a value for a key come last,
 * whatever the direction. The sort is stable.
 */
export function sortRecords<T>(
  records: T[],
  sort: SortField[],
  value: (record: T, field: string) => unknown,
): T[] {
  return [...records].sort((left, right) => {
    for (const { field, direction } of sort) {
      const a = value(left, field);
      const b = value(right, field);
      const aMissing = a === undefined || a === null;
      const bMissing = b === undefined || b === null;
      if (aMissing || bMissing) {
        if (aMissing !== bMissing) {
          return aMissing ? 1 : -1;
        }
        continue;
      }
      const order = compareValues(a, b) ?? 0;
      if (order !== 0) {
        return order * direction;
      }
    }
    return 0;
  });
}
