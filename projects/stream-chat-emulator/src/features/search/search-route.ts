import { Caller, callerUserId } from '../../auth/caller';
import { canReadChannel } from '../../auth/channel-permissions';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { inputError } from '../../protocol/api-error';
import {
  JsonObject,
  isPlainObject,
  optionalInteger,
  optionalString,
} from '../../protocol/body-fields';
import { parseJsonWithin } from '../../protocol/json-limits';
import { channelResponse } from '../../responses/channel-responses';
import { MessageResponse, messageResponse } from '../../responses/message-responses';
import { channelFilterSchema } from '../../store/channel-queries';
import { compileFilter } from '../../store/query-filter';
import { SortField, parseSort, sortRecords } from '../../store/query-sort';
import { messageFieldValue, messageFilterSchema } from './message-filter';
import { decodeCursor, encodeCursor } from './search-cursor';

/** Results per page when no `limit` is sent (Stream's default). */
export const DEFAULT_SEARCH_LIMIT = 100;
/** Most results one page may hold. */
export const MAX_SEARCH_LIMIT = 1000;

/**
 * Default order. Stream's default is relevance first; the emulator computes no relevance
 * (every hit is equally relevant), so the newest message comes first.
 */
const DEFAULT_SEARCH_SORT: SortField[] = [
  { field: 'created_at', direction: -1 },
  { field: 'id', direction: 1 },
];

function readPayload(context: RouteContext): JsonObject {
  const payload = parseJsonWithin(context.query.get('payload') ?? '', 'payload (URL-encoded JSON)');
  if (!isPlainObject(payload)) {
    throw inputError('payload must be a JSON object');
  }
  return payload as JsonObject;
}

/** The message predicate from `query` (text search) or `message_filter_conditions`. */
function messagePredicate(payload: JsonObject): (message: MessageResponse) => boolean {
  const query = optionalString(payload, 'query');
  const filter = payload['message_filter_conditions'];
  if ((query === undefined) === (filter === undefined)) {
    throw inputError('search needs either query or message_filter_conditions (not both)');
  }
  return compileFilter(query === undefined ? filter : { text: { $q: query } }, messageFilterSchema);
}

/** The caller a search runs as: the server may name a user in `user_id`. */
function searcher(context: RouteContext, payload: JsonObject): Caller {
  const userId = optionalString(payload, 'user_id');
  if (context.caller.kind !== 'server' || userId === undefined) {
    return context.caller;
  }
  const user = context.services.store.users.get(userId);
  if (!user) {
    throw inputError(`user "${userId}" does not exist`);
  }
  return { kind: 'user', userId: user.id, role: user.role };
}

/**
 * `GET /search?payload={filter_conditions, query | message_filter_conditions, limit,
 * offset | next, sort}`: the messages of the channels the caller can read that match,
 * as `{results: [{message: {...message, channel}}], next?, previous?}`. System and deleted
 * messages are never found.
 * @throws ApiError code 4 for a missing channel filter or query, unsupported operators,
 * `offset` with `next` or `sort`, or a foreign cursor.
 */
function search(context: RouteContext): JsonObject {
  const { services } = context;
  const payload = readPayload(context);
  if (payload['filter_conditions'] === undefined) {
    throw inputError('filter_conditions (a channel filter) is required');
  }
  const caller = searcher(context, payload);
  const viewerId = callerUserId(caller);
  const channelMatches = compileFilter(payload['filter_conditions'], channelFilterSchema(viewerId));
  const messageMatches = messagePredicate(payload);
  const limit = optionalInteger(payload, 'limit', 1, MAX_SEARCH_LIMIT) ?? DEFAULT_SEARCH_LIMIT;
  const offsetOption = optionalInteger(payload, 'offset', 0, 1_000_000) ?? 0;
  const next = optionalString(payload, 'next');
  if (offsetOption > 0 && (next !== undefined || payload['sort'] !== undefined)) {
    throw inputError('offset cannot be combined with next or sort');
  }
  const cursor = next === undefined ? undefined : decodeCursor(next);
  const sort =
    cursor?.sort ??
    parseSort(payload['sort'], DEFAULT_SEARCH_SORT).filter((entry) => entry.field !== 'relevance');
  const offset = cursor?.offset ?? offsetOption;
  const hits: MessageResponse[] = [];
  for (const channel of services.store.listChannels()) {
    if (!canReadChannel(caller, channel) || !channelMatches(channel)) {
      continue;
    }
    const wireChannel = channelResponse(services, channel, caller);
    for (const message of channel.messages) {
      if (message.deletedAt || message.type === 'system') {
        continue;
      }
      const wire = messageResponse(services, message, viewerId);
      if (messageMatches(wire)) {
        hits.push({ ...wire, channel: wireChannel });
      }
    }
  }
  const ordered = sortRecords(
    hits,
    sort.length > 0 ? sort : DEFAULT_SEARCH_SORT,
    messageFieldValue,
  );
  const page = ordered.slice(offset, offset + limit);
  return {
    results: page.map((message) => ({ message })),
    ...(offset + limit < ordered.length
      ? { next: encodeCursor({ offset: offset + limit, sort }) }
      : {}),
    ...(offset > 0
      ? { previous: encodeCursor({ offset: Math.max(0, offset - limit), sort }) }
      : {}),
  };
}

/** The search endpoint. */
export const searchRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/search', operation: 'Search', auth: 'caller', handle: search },
];
