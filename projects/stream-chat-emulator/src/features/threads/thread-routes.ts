import { canWriteChannel } from '../../auth/channel-permissions';
import { channelEventBase } from '../../fanout/channel-event-base';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { inputError, notAllowedError } from '../../protocol/api-error';
import { JsonObject, optionalObject, optionalStringArray } from '../../protocol/body-fields';
import { checkCustomDataSize } from '../../protocol/json-limits';
import { threadLimits, readableThread, watchFromRequest } from './thread-access';
import { queryThreads } from './thread-query';
import { THREAD_RESPONSE_KEYS, threadResponse } from './thread-responses';
import { threadsSlice } from './thread-slice';

/** Reads a whole number from the query string. @throws ApiError code 4 when malformed. */
function queryInteger(query: URLSearchParams, key: string, max: number): number | undefined {
  const text = query.get(key);
  if (text === null) {
    return undefined;
  }
  const value = Number(text);
  if (text === '' || !Number.isInteger(value) || value < 0 || value > max) {
    throw inputError(`${key} must be a whole number between 0 and ${max}`);
  }
  return value;
}

/** `GET /threads/{parent_id}`: one thread (`{thread}`); `watch=true` watches its channel. */
function getThread(context: RouteContext): JsonObject {
  const limits = threadLimits((key, max) => queryInteger(context.query, key, max));
  const watch = context.query.get('watch');
  if (watch !== null && watch !== 'true' && watch !== 'false') {
    throw inputError('watch must be true or false');
  }
  const { parent, channel } = readableThread(context);
  if (watch === 'true') {
    watchFromRequest(context, channel);
  }
  return { thread: threadResponse(context.services, channel, parent, context.caller, limits) };
}

/**
 * `PATCH /threads/{parent_id}` `{set, unset}`: changes the thread's `title` and custom
 * fields; `thread.updated` to the channel's watchers. Reserved `ThreadResponse` keys are
 * refused (code 4), as are callers who may not write to the channel (17).
 */
function updateThread(context: RouteContext): JsonObject {
  const set = optionalObject(context.body, 'set') ?? {};
  const unset = optionalStringArray(context.body, 'unset') ?? [];
  for (const key of [...Object.keys(set), ...unset]) {
    if (key !== 'title' && THREAD_RESPONSE_KEYS.has(key)) {
      throw inputError(`${key} is reserved and cannot be set on a thread`);
    }
  }
  if (set['title'] !== undefined && typeof set['title'] !== 'string') {
    throw inputError('set.title must be a string');
  }
  const { parent, channel } = readableThread(context);
  if (!canWriteChannel(context.caller, channel)) {
    throw notAllowedError(`the caller may not update threads of ${channel.cid}`);
  }
  const { services } = context;
  const all = services.store.slice(threadsSlice).data;
  const current = all.get(parent.id);
  let title = current?.title;
  const custom = { ...current?.custom };
  for (const [key, value] of Object.entries(set)) {
    if (key === 'title') {
      title = value as string;
    } else {
      custom[key] = value;
    }
  }
  for (const key of unset) {
    if (key === 'title') {
      title = undefined;
    } else {
      delete custom[key];
    }
  }
  checkCustomDataSize(`thread ${parent.id}`, custom);
  const now = services.store.clock.next();
  all.set(parent.id, { ...(title !== undefined ? { title } : {}), custom, updatedAt: now });
  services.store.changed();
  const limits = threadLimits(() => undefined);
  services.fanout.sendToWatchers(channel, {
    type: 'thread.updated',
    ...channelEventBase(channel),
    thread: threadResponse(services, channel, parent, undefined, { ...limits, replyLimit: 0 }),
    created_at: now,
  });
  return { thread: threadResponse(services, channel, parent, context.caller, limits) };
}

/** Threads v2 endpoints: query, get, partial update. */
export const threadRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/threads',
    operation: 'QueryThreads',
    changesNothing: true,
    auth: 'caller',
    status: 201,
    handle: queryThreads,
  },
  {
    method: 'GET',
    path: '/threads/:id',
    operation: 'GetThread',
    auth: 'caller',
    handle: getThread,
  },
  {
    method: 'PATCH',
    path: '/threads/:id',
    operation: 'UpdateThreadPartial',
    auth: 'caller',
    handle: updateThread,
  },
];
