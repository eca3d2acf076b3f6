import { inputError } from '../../protocol/api-error';
import { Caller, callerUserId } from '../../auth/caller';
import { canReadChannel } from '../../auth/channel-permissions';
import { channelStateResponse } from '../../responses/channel-responses';
import {
  DEFAULT_CHANNEL_SORT,
  channelFilterSchema,
  channelQueryValue,
} from '../../store/channel-queries';
import { isChannelId } from '../../protocol/identifiers';
import { selectMessagePage } from '../../store/message-paging';
import { MessageTest } from '../../store/ordered-messages';
import { ChannelRecord, toCid } from '../../store/model';
import { compileFilter } from '../../store/query-filter';
import { parseSort, sortRecords } from '../../store/query-sort';
import {
  JsonObject,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalString,
} from '../../protocol/body-fields';
import {
  DEFAULT_CHANNEL_QUERY_MESSAGE_LIMIT,
  DEFAULT_MEMBER_LIMIT,
  DEFAULT_QUERY_CHANNELS_MESSAGE_LIMIT,
  DEFAULT_WATCHER_LIMIT,
  MAX_MESSAGE_LIMIT,
  nestedLimit,
  parseMessagePage,
} from '../channel-query-options';
import { ChatServices } from '../../services/emulator-services';
import { RouteContext, RouteDefinition } from '../route-table';
import { callerSession, channelTypeParam, requireChannel, requireReadable } from './channel-access';
import { createChannelFromQuery, distinctChannelId, parseMemberEntries } from './channel-creation';

/** Most channels one `POST /channels` page returns (larger limits are clamped). */
export const MAX_QUERY_CHANNELS_LIMIT = 30;
/** Channels per page when no `limit` is sent. */
export const DEFAULT_QUERY_CHANNELS_LIMIT = 10;

/** Registers the watch and presence subscriptions a query asked for, on the caller's connection. */
function subscribe(
  context: RouteContext,
  channel: ChannelRecord,
  watch: boolean,
  presence: boolean,
): void {
  const session = callerSession(context);
  if (!session) {
    return;
  }
  if (watch) {
    context.services.watching.start(session, channel);
  }
  if (presence) {
    context.services.presence.subscribe(session, channel.members.keys());
  }
}

/**
 * The caller of a channel query: a server token may name a user in `user_id` to query as
 * that user (memberships, `joined`, capabilities); otherwise the caller itself.
 */
function serverActingAs(context: RouteContext): Caller {
  const userId = optionalString(context.body, 'user_id');
  const user = userId === undefined ? undefined : context.services.store.users.get(userId);
  if (context.caller.kind !== 'server' || userId === undefined) {
    return context.caller;
  }
  if (!user) {
    throw inputError(`user "${userId}" does not exist`);
  }
  return { kind: 'user', userId: user.id, role: user.role };
}

/**
 * Reads channel fields as the caller sees them: the features' per-caller fields (`hidden`,
 * `muted`...) first, then the channel's own. Each channel's feature fields are read once.
 */
function callerFieldReader(
  services: ChatServices,
  caller: Caller,
): (channel: ChannelRecord, field: string) => unknown {
  const cache = new Map<ChannelRecord, Record<string, unknown>>();
  const coreValue = channelQueryValue(callerUserId(caller));
  return (channel, field) => {
    let fields = cache.get(channel);
    if (!fields) {
      fields = {};
      for (const hooks of services.hooks) {
        Object.assign(fields, hooks.channelQueryFields?.(services, caller, channel));
      }
      cache.set(channel, fields);
    }
    return Object.hasOwn(fields, field) ? fields[field] : coreValue(channel, field);
  };
}

/**
 * The test for the messages the features let the caller see (for paging), or `undefined`
 * when every message is visible.
 */
function visibleMessages(
  services: ChatServices,
  caller: Caller,
  channel: ChannelRecord,
): MessageTest | undefined {
  const tests = services.hooks
    .map((hooks) => hooks.messageQueryFilter?.(services, caller, channel))
    .filter((test) => test !== undefined);
  return tests.length === 0 ? undefined : (message) => tests.every((test) => test(message));
}

/** `POST /channels`: filter, sort and page the channels the caller can read; watch them. */
function queryChannels(context: RouteContext): JsonObject {
  const { body, services } = context;
  const caller = serverActingAs(context);
  const filter = body['filter_conditions'] ?? {};
  const fieldValue = callerFieldReader(services, caller);
  const predicate = compileFilter(filter, channelFilterSchema(callerUserId(caller), fieldValue));
  const featureTests = services.hooks
    .map((hooks) => hooks.channelQueryFilter?.(services, caller, filter))
    .filter((test) => test !== undefined);
  const sort = parseSort(body['sort'], DEFAULT_CHANNEL_SORT);
  const limit = Math.min(
    optionalInteger(body, 'limit', 0, 1000) ?? DEFAULT_QUERY_CHANNELS_LIMIT,
    MAX_QUERY_CHANNELS_LIMIT,
  );
  const offset = optionalInteger(body, 'offset', 0, 1_000_000) ?? 0;
  const messageLimit =
    optionalInteger(body, 'message_limit', 0, MAX_MESSAGE_LIMIT) ??
    DEFAULT_QUERY_CHANNELS_MESSAGE_LIMIT;
  const memberLimit = optionalInteger(body, 'member_limit', 0, 1000) ?? DEFAULT_MEMBER_LIMIT;
  const watch = optionalBoolean(body, 'watch') ?? false;
  const presence = optionalBoolean(body, 'presence') ?? false;
  optionalBoolean(body, 'state');
  const matching = services.store
    .listChannels()
    .filter(
      (channel) =>
        canReadChannel(caller, channel) &&
        predicate(channel) &&
        featureTests.every((test) => test(channel)),
    );
  const page = sortRecords(matching, sort, fieldValue).slice(offset, offset + limit);
  for (const channel of page) {
    subscribe(context, channel, watch, presence);
  }
  return {
    channels: page.map((channel) =>
      channelStateResponse(services, channel, caller, {
        messages: selectMessagePage(
          channel,
          { limit: messageLimit },
          visibleMessages(services, caller, channel),
        ),
        memberLimit,
        watcherLimit: DEFAULT_WATCHER_LIMIT,
      }),
    ),
  };
}

/**
 * `POST /channels/{type}/{id}/query` and `POST /channels/{type}/query`: get or create a
 * channel (by id, or by its exact member list), optionally watch it, and return its state.
 */
function getOrCreateChannel(context: RouteContext): JsonObject {
  const { body, services } = context;
  const type = channelTypeParam(context);
  const data = optionalObject(body, 'data') ?? {};
  let id = context.params['id'];
  let channel: ChannelRecord | undefined;
  if (id === undefined) {
    if (data['members'] === undefined) {
      throw inputError('a channel without id needs data.members');
    }
    const memberIds = parseMemberEntries(context, data['members'], 'channel.members').map(
      (entry) => entry.userId,
    );
    if (memberIds.length === 0) {
      throw inputError('a channel without id needs at least one member');
    }
    channel = services.store.findChannelByMembers(type, memberIds);
    id = channel?.id ?? distinctChannelId(memberIds);
  } else if (!isChannelId(id)) {
    throw inputError(`channel id "${id}" is not valid: it must match /^[\\w!-]{1,64}$/`);
  } else {
    channel = services.store.getChannel(toCid(type, id));
  }
  const messagePage = parseMessagePage(
    optionalObject(body, 'messages'),
    DEFAULT_CHANNEL_QUERY_MESSAGE_LIMIT,
  );
  const watch = optionalBoolean(body, 'watch') ?? false;
  const presence = optionalBoolean(body, 'presence') ?? false;
  // Every option is read before the channel is created, so a bad one creates nothing.
  const memberLimit = nestedLimit(body, 'members', DEFAULT_MEMBER_LIMIT);
  const watcherLimit = nestedLimit(body, 'watchers', DEFAULT_WATCHER_LIMIT);
  let created: ReturnType<typeof createChannelFromQuery> | undefined;
  if (channel) {
    requireReadable(context.caller, channel);
  } else {
    created = createChannelFromQuery(context, type, id, data);
    channel = created.channel;
  }
  subscribe(context, channel, watch, presence);
  if (created) {
    services.fanout.membersAdded(
      channel,
      [...channel.members.values()],
      created.creator.userId,
      false,
    );
  }
  return channelStateResponse(services, channel, context.caller, {
    messages: selectMessagePage(
      channel,
      messagePage,
      visibleMessages(services, context.caller, channel),
    ),
    memberLimit,
    watcherLimit,
  });
}

/** `POST /channels/{type}/{id}/stop-watching`: ends the caller's connection's watch. */
function stopWatching(context: RouteContext): JsonObject {
  const channel = requireChannel(context);
  const session = callerSession(context);
  if (session) {
    context.services.watching.stop(session, channel);
  }
  return {};
}

/** Channel list, get-or-create and watching endpoints. */
export const channelQueryRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/channels',
    operation: 'QueryChannels',
    changesNothing: true,
    auth: 'caller',
    handle: queryChannels,
  },
  {
    method: 'POST',
    path: '/channels/:type/query',
    operation: 'GetOrCreateChannel',
    auth: 'caller',
    handle: getOrCreateChannel,
  },
  {
    method: 'POST',
    path: '/channels/:type/:id/query',
    operation: 'GetOrCreateChannel',
    auth: 'caller',
    handle: getOrCreateChannel,
  },
  {
    method: 'POST',
    path: '/channels/:type/:id/stop-watching',
    operation: 'StopWatchingChannel',
    changesNothing: true,
    auth: 'caller',
    handle: stopWatching,
  },
];
