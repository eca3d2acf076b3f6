import { inputError } from '../../protocol/api-error';
import { JsonObject, isPlainObject, optionalInteger } from '../../protocol/body-fields';
import { MAX_MESSAGE_LIMIT } from '../../http/channel-query-options';
import { parseJsonWithin } from '../../protocol/json-limits';
import { parseSort } from '../../store/query-sort';
import { PinRecord } from './pins-slice';

/** Pinned messages per page when no `limit` is sent. */
export const DEFAULT_PINNED_MESSAGES_LIMIT = 10;

/** The date bounds on `pinned_at` the emulator applies, with their test. */
const DATE_BOUNDS: Record<string, (pinnedAt: number, bound: number) => boolean> = {
  pinned_at_before: (pinnedAt, bound) => pinnedAt < bound,
  pinned_at_before_or_equal: (pinnedAt, bound) => pinnedAt <= bound,
  pinned_at_after: (pinnedAt, bound) => pinnedAt > bound,
  pinned_at_after_or_equal: (pinnedAt, bound) => pinnedAt >= bound,
};

/** Paging options of the client's `PinnedMessagePaginationOptions` that the emulator refuses. */
const UNSUPPORTED_OPTIONS = ['id_around', 'id_gt', 'id_gte', 'id_lt', 'id_lte', 'pinned_at_around'];

/** Options accepted beside the date bounds. */
const OTHER_OPTIONS = new Set(['limit', 'offset', 'sort', 'user', 'user_id']);

/** A parsed `GET /channels/{type}/{id}/pinned_messages` request. */
export interface PinnedMessagesQuery {
  limit: number;
  offset: number;
  /** 1: oldest pin first; -1: newest pin first (the default). */
  direction: 1 | -1;
  /** Whether a pin is within the date bounds. */
  accepts(pin: PinRecord): boolean;
}

/**
 * Reads the options: one `payload` JSON parameter (what the client sends), or the same keys
 * as separate query parameters (as Stream's OpenAPI lists them).
 * @throws ApiError code 4 for malformed values, sort keys other than `pinned_at`, unknown
 * options and the id- and around-based paging the emulator does not implement.
 */
export function parsePinnedMessagesQuery(query: URLSearchParams): PinnedMessagesQuery {
  const options = readOptions(query);
  for (const key of Object.keys(options)) {
    if (UNSUPPORTED_OPTIONS.includes(key)) {
      throw inputError(
        `${key} is not supported by the emulator's pinned messages; page with limit, offset and pinned_at_before/after`,
      );
    }
    if (!OTHER_OPTIONS.has(key) && !(key in DATE_BOUNDS)) {
      throw inputError(`unknown pinned messages option ${key}`);
    }
  }
  const sort = parseSort(options['sort'], [{ field: 'pinned_at', direction: -1 }]);
  const unsupportedSort = sort.find((entry) => entry.field !== 'pinned_at');
  if (unsupportedSort) {
    throw inputError(`pinned messages sort only by pinned_at, not by ${unsupportedSort.field}`);
  }
  const bounds = Object.entries(DATE_BOUNDS).flatMap(([key, test]) => {
    const value = options[key];
    if (value === undefined) {
      return [];
    }
    const time = typeof value === 'string' ? Date.parse(value) : NaN;
    if (!Number.isFinite(time)) {
      throw inputError(`${key} must be an ISO-8601 date`);
    }
    return [(pin: PinRecord) => test(Date.parse(pin.pinnedAt), time)];
  });
  return {
    limit: optionalInteger(options, 'limit', 0, MAX_MESSAGE_LIMIT) ?? DEFAULT_PINNED_MESSAGES_LIMIT,
    offset: optionalInteger(options, 'offset', 0, 1_000_000) ?? 0,
    direction: sort[0].direction,
    accepts: (pin) => bounds.every((bound) => bound(pin)),
  };
}

function readOptions(query: URLSearchParams): JsonObject {
  const payload = query.get('payload');
  if (payload !== null) {
    const parsed = parseJsonWithin(payload, 'payload (URL-encoded JSON)');
    if (!isPlainObject(parsed)) {
      throw inputError('payload must be a JSON object');
    }
    return parsed as JsonObject;
  }
  const options: JsonObject = {};
  for (const key of [...OTHER_OPTIONS, ...Object.keys(DATE_BOUNDS), ...UNSUPPORTED_OPTIONS]) {
    const value = query.get(key);
    if (value === null || key === 'user') {
      continue;
    }
    options[key] = key === 'limit' || key === 'offset' ? Number(value) : parseSortParam(key, value);
  }
  return options;
}

function parseSortParam(key: string, value: string): unknown {
  if (key !== 'sort') {
    return value;
  }
  return parseJsonWithin(value, 'sort (URL-encoded JSON)');
}
