import { inputError } from '../../protocol/api-error';
import { MAX_MESSAGE_LIMIT } from '../../http/channel-query-options';
import { MessagePage, PagedMessages, pagedArray, selectPage } from '../../store/message-paging';
import { MessageRecord } from '../../store/model';
import { MAX_JSON_DEPTH, jsonShapeProblem } from '../../protocol/json-limits';
import { parseSort } from '../../store/query-sort';

/** Replies per page when `limit` is not sent (Angular always sends its page size, 25). */
export const DEFAULT_REPLY_LIMIT = 25;

/** `getReplies` pagination, parsed from the query string. */
export interface ReplyPage extends MessagePage {
  /** Which end of the range a page without a cursor comes from: -1 newest (default), 1 oldest. */
  direction: 1 | -1;
}

/** Query parameters the emulator does not page replies by. */
const UNSUPPORTED = ['offset'];

/**
 * Parses `limit`, `sort` (`[{field: "created_at", direction}]`, URL-encoded JSON), the id
 * cursors and the `created_at_*` bounds (plain or JSON-quoted timestamps, as the client
 * serialises `Date`s).
 * @throws ApiError code 4 for malformed values, sort keys other than `created_at`, `offset`,
 * and `*_around` combined with other cursors.
 */
export function parseReplyPage(query: URLSearchParams): ReplyPage {
  for (const name of UNSUPPORTED) {
    if (query.has(name)) {
      throw inputError(`${name} is not supported by the emulator for replies; use id_lt/id_gt`);
    }
  }
  const limitText = query.get('limit');
  const limit = limitText === null ? DEFAULT_REPLY_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_MESSAGE_LIMIT) {
    throw inputError(`limit must be a whole number between 0 and ${MAX_MESSAGE_LIMIT}`);
  }
  const sort = parseSort(sortParam(query.get('sort')), [{ field: 'created_at', direction: -1 }]);
  const unknown = sort.find((key) => key.field !== 'created_at');
  if (unknown) {
    throw inputError(`replies can only be sorted by created_at, not by ${unknown.field}`);
  }
  const id = (name: string): string | undefined => {
    const value = query.get(name);
    if (value === '') {
      throw inputError(`${name} must not be empty`);
    }
    return value ?? undefined;
  };
  const page: ReplyPage = {
    limit,
    direction: sort[0].direction,
    idLt: id('id_lt'),
    idLte: id('id_lte'),
    idGt: id('id_gt'),
    idGte: id('id_gte'),
    idAround: id('id_around'),
    createdAtBefore: time(query, 'created_at_before'),
    createdAtBeforeOrEqual: time(query, 'created_at_before_or_equal'),
    createdAtAfter: time(query, 'created_at_after'),
    createdAtAfterOrEqual: time(query, 'created_at_after_or_equal'),
    createdAtAround: time(query, 'created_at_around'),
  };
  const around = [page.idAround, page.createdAtAround].filter((value) => value !== undefined);
  const bounds = [
    page.idLt,
    page.idLte,
    page.idGt,
    page.idGte,
    page.createdAtBefore,
    page.createdAtBeforeOrEqual,
    page.createdAtAfter,
    page.createdAtAfterOrEqual,
  ].filter((value) => value !== undefined);
  if (around.length > 1 || (around.length === 1 && bounds.length > 0)) {
    throw inputError('id_around / created_at_around cannot be combined with other cursors');
  }
  return page;
}

function sortParam(text: string | null): unknown {
  if (text === null) {
    return undefined;
  }
  let sort: unknown;
  try {
    sort = JSON.parse(text);
  } catch {
    throw inputError('sort must be URL-encoded JSON, e.g. [{"field":"created_at","direction":-1}]');
  }
  const problem = jsonShapeProblem(sort, MAX_JSON_DEPTH);
  if (problem) {
    throw inputError(`sort ${problem}`);
  }
  return sort;
}

function time(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) {
    return undefined;
  }
  const text = raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  const parsed = Date.parse(text);
  if (text === '' || Number.isNaN(parsed)) {
    throw inputError(`${name} must be a timestamp, got "${raw}"`);
  }
  return parsed;
}

/**
 * Selects a page of a thread's replies, always oldest first (see `selectPage`): without
 * bounds, or with both kinds, the sort direction picks the end: newest replies for `-1` (the
 * default), oldest for `1`. A thread's indexed replies (see `pagedRepliesOf`) page in
 * O(log n + page size); a plain array is indexed first.
 */
export function selectReplies(
  replies: PagedMessages | MessageRecord[],
  page: ReplyPage,
): MessageRecord[] {
  return selectPage(Array.isArray(replies) ? pagedArray(replies) : replies, page, page.direction);
}
