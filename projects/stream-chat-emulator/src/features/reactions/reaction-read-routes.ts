import { inputError } from '../../protocol/api-error';
import {
  JsonObject,
  isPlainObject,
  optionalInteger,
  optionalString,
} from '../../protocol/body-fields';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { readableMessage } from '../../http/routes/message-routes';
import { compileFilter } from '../../store/query-filter';
import { parseSort, sortRecords } from '../../store/query-sort';
import { StoredReaction } from './reaction-index';
import { decodeCursor, encodeCursor } from './reaction-cursor';
import { newestFirst, reactionResponse } from './reaction-responses';
import { reactionsSlice } from './reactions-slice';

/** Page size when the request names none (our choice). */
export const DEFAULT_REACTION_PAGE_SIZE = 25;

/** Largest page (Angular's details pages with 300). */
export const MAX_REACTION_PAGE_SIZE = 300;

/** The fields `queryReactions` filters on; anything else is refused with code 4. */
export const REACTION_FILTER_FIELDS: ReadonlySet<string> = new Set([
  'type',
  'user_id',
  'score',
  'created_at',
  'updated_at',
]);

/** A reaction's value for a filter or sort field (custom fields for sorting). */
function reactionValue(reaction: StoredReaction, field: string): unknown {
  switch (field) {
    case 'type':
      return reaction.type;
    case 'user_id':
      return reaction.userId;
    case 'score':
      return reaction.score;
    case 'created_at':
      return reaction.createdAt;
    case 'updated_at':
      return reaction.updatedAt;
    default:
      return reaction.data[field];
  }
}

/** The reactions of the message named by `:id`, newest first, once the caller may read it. */
function reactionsOfReadableMessage(context: RouteContext): StoredReaction[] {
  const message = readableMessage(context);
  return newestFirst(context.services.store.slice(reactionsSlice).of(message.id).reactions);
}

/** Reads a whole-number query parameter. @throws ApiError code 4 when malformed or out of range. */
function queryInteger(
  context: RouteContext,
  key: string,
  min: number,
  max: number,
): number | undefined {
  const text = context.query.get(key);
  if (text === null || text === '') {
    return undefined;
  }
  return optionalInteger({ [key]: Number(text) }, key, min, max);
}

/** `GET /messages/{id}/reactions?limit=&offset=`: the message's reactions, newest first. */
function getReactions(context: RouteContext): JsonObject {
  const limit =
    queryInteger(context, 'limit', 0, MAX_REACTION_PAGE_SIZE) ?? DEFAULT_REACTION_PAGE_SIZE;
  const offset = queryInteger(context, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const reactions = reactionsOfReadableMessage(context);
  return {
    reactions: reactions
      .slice(offset, offset + limit)
      .map((reaction) => reactionResponse(context.services, reaction)),
  };
}

/** Checks that a filter names only the supported fields. @throws ApiError code 4. */
function checkFilterFields(filter: unknown): void {
  if (!isPlainObject(filter)) {
    throw inputError('filter must be an object');
  }
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (Array.isArray(condition)) {
        condition.forEach(checkFilterFields);
      }
    } else if (!key.startsWith('$') && !REACTION_FILTER_FIELDS.has(key)) {
      throw inputError(
        `reactions cannot be filtered by "${key}"; supported: ${[...REACTION_FILTER_FIELDS].join(', ')}`,
      );
    }
  }
}

/**
 * `POST /messages/{id}/reactions` (`client.queryReactions`): `filter` on type, user_id,
 * score and times; `sort` (default newest first); `limit` and the opaque `next` cursor.
 */
function queryReactions(context: RouteContext): JsonObject {
  const { body } = context;
  const filter = body['filter'] ?? {};
  checkFilterFields(filter);
  const matches = compileFilter<StoredReaction>(filter, { value: reactionValue });
  const sort = parseSort(body['sort'], []);
  const limit =
    optionalInteger(body, 'limit', 1, MAX_REACTION_PAGE_SIZE) ?? DEFAULT_REACTION_PAGE_SIZE;
  const next = optionalString(body, 'next');
  if (optionalString(body, 'prev') !== undefined) {
    throw inputError('prev is not supported by the emulator; page forward with next');
  }
  const offset = next === undefined || next === '' ? 0 : decodeCursor(next);
  const selected = reactionsOfReadableMessage(context).filter(matches);
  const ordered = sortRecords(selected, sort, reactionValue);
  const page = ordered.slice(offset, offset + limit);
  const end = offset + page.length;
  return {
    reactions: page.map((reaction) => reactionResponse(context.services, reaction)),
    ...(end < ordered.length ? { next: encodeCursor(end) } : {}),
  };
}

/** Endpoints that list a message's reactions. */
export const reactionReadRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/messages/:id/reactions',
    operation: 'GetReactions',
    auth: 'caller',
    handle: getReactions,
  },
  {
    method: 'POST',
    path: '/messages/:id/reactions',
    operation: 'QueryReactions',
    changesNothing: true,
    auth: 'caller',
    handle: queryReactions,
  },
];
