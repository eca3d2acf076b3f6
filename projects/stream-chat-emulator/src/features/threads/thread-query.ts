import { RouteContext } from '../../http/route-table';
import { actingUser, namedUserId } from '../../http/routes/channel-access';
import { inputError } from '../../protocol/api-error';
import {
  JsonObject,
  isPlainObject,
  optionalBoolean,
  optionalInteger,
  optionalString,
} from '../../protocol/body-fields';
import { compileFilter, FilterSchema } from '../../store/query-filter';
import { parseSort, SortField, sortRecords } from '../../store/query-sort';
import { ChannelRecord, MessageRecord } from '../../store/model';
import { threadLimits, watchFromRequest } from './thread-access';
import { participantIds, readOf, repliesOf, threadsOfUser, threadTimes } from './thread-model';
import { threadResponse } from './thread-responses';

/** Threads per page when `limit` is not sent, and the most one page may hold. */
export const DEFAULT_QUERY_THREADS_LIMIT = 10;
/** The most threads one page may hold. */
export const MAX_QUERY_THREADS_LIMIT = 100;

/** A thread with the values filters and sorts read. */
interface ThreadRow {
  channel: ChannelRecord;
  parent: MessageRecord;
  values: Record<string, unknown>;
}

const FILTER_FIELDS = new Set([
  'channel_cid',
  'parent_message_id',
  'created_by_user_id',
  'created_at',
  'updated_at',
  'last_message_at',
]);

const SORT_FIELDS = new Set([
  'active_participant_count',
  'created_at',
  'last_message_at',
  'parent_message_id',
  'participant_count',
  'reply_count',
  'updated_at',
]);

/** Stream's default order: unread threads first, then by last reply, then by parent id. */
const DEFAULT_SORT: SortField[] = [
  { field: 'has_unread', direction: -1 },
  { field: 'last_message_at', direction: -1 },
  { field: 'parent_message_id', direction: -1 },
];

const schema: FilterSchema<ThreadRow> = { value: (row, field) => row.values[field] };

/** @throws ApiError code 4 when the filter names a field threads cannot be filtered by. */
function checkFilterFields(filter: unknown): void {
  if (Array.isArray(filter)) {
    filter.forEach(checkFilterFields);
    return;
  }
  if (!isPlainObject(filter)) {
    return;
  }
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      checkFilterFields(value);
    } else if (!key.startsWith('$') && !FILTER_FIELDS.has(key)) {
      throw inputError(
        `threads cannot be filtered by ${key}; supported: ${[...FILTER_FIELDS].join(', ')}`,
      );
    }
  }
}

/** The `next` cursor of a page that starts at `offset`. */
function cursorFor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

/** @throws ApiError code 4 when `next` is not a cursor this emulator issued. */
function offsetOf(next: string | undefined): number {
  if (next === undefined) {
    return 0;
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.from(next, 'base64url').toString('utf8'));
    const offset = isPlainObject(parsed) ? parsed['offset'] : undefined;
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) {
      return offset;
    }
  } catch {
    // reported below
  }
  throw inputError('next is not a cursor returned by a previous QueryThreads');
}

/**
 * `POST /threads`: the threads the caller takes part in (author of the parent or replier)
 * in the channels they are a member of, filtered, sorted and paged by `limit` and `next`;
 * `watch: true` watches each returned thread's channel.
 * @throws ApiError code 4 for unknown filter or sort fields, bad limits or cursors, `prev`.
 */
export function queryThreads(context: RouteContext): JsonObject {
  const { body, services } = context;
  const user = actingUser(context, namedUserId(body), 'QueryThreads');
  if (body['prev'] !== undefined) {
    throw inputError('prev is not supported by the emulator; page forward with next');
  }
  const limit =
    optionalInteger(body, 'limit', 1, MAX_QUERY_THREADS_LIMIT) ?? DEFAULT_QUERY_THREADS_LIMIT;
  const limits = threadLimits((key, max) => optionalInteger(body, key, 0, max), {
    reply: 3,
    participant: 10,
  });
  const watch = optionalBoolean(body, 'watch') ?? false;
  const offset = offsetOf(optionalString(body, 'next'));
  const filter = body['filter'] ?? {};
  checkFilterFields(filter);
  const matches = compileFilter(filter, schema);
  const sort = parseSort(body['sort'], DEFAULT_SORT);
  for (const key of sort) {
    if (sort !== DEFAULT_SORT && !SORT_FIELDS.has(key.field)) {
      throw inputError(
        `threads cannot be sorted by ${key.field}; supported: ${[...SORT_FIELDS].join(', ')}`,
      );
    }
  }
  const rows: ThreadRow[] = threadsOfUser(services.store, user.userId).map(
    ({ channel, parent }) => {
      const replies = repliesOf(channel, parent);
      const times = threadTimes(services.store, replies, parent);
      const participants = participantIds(parent).length;
      return {
        channel,
        parent,
        values: {
          channel_cid: channel.cid,
          parent_message_id: parent.id,
          created_by_user_id: parent.userId,
          created_at: times.createdAt,
          updated_at: times.updatedAt,
          last_message_at: times.lastMessageAt,
          reply_count: parent.replyCount,
          participant_count: participants,
          active_participant_count: participants,
          has_unread:
            readOf(services.store, replies, parent.id, user.userId).unreadMessages > 0 ? 1 : 0,
        },
      };
    },
  );
  const sorted = sortRecords(
    rows.filter((row) => matches(row)),
    sort,
    (row, field) => row.values[field],
  );
  const page = sorted.slice(offset, offset + limit);
  if (watch) {
    for (const row of page) {
      watchFromRequest(context, row.channel);
    }
  }
  return {
    threads: page.map((row) => threadResponse(services, row.channel, row.parent, user, limits)),
    ...(offset + limit < sorted.length ? { next: cursorFor(offset + limit) } : {}),
  };
}
