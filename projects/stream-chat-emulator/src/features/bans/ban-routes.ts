import { canReadChannel } from '../../auth/channel-permissions';
import { doesNotExistError, inputError } from '../../protocol/api-error';
import {
  JsonObject,
  isPlainObject,
  optionalBoolean,
  optionalInteger,
  optionalString,
  requiredString,
} from '../../protocol/body-fields';
import { isUserId } from '../../protocol/identifiers';
import { parseJsonWithin } from '../../protocol/json-limits';
import { channelResponse } from '../../responses/channel-responses';
import { userResponse } from '../../responses/user-responses';
import { ChannelRecord, toCid } from '../../store/model';
import { compileFilter } from '../../store/query-filter';
import { parseSort, sortRecords } from '../../store/query-sort';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { MAX_BAN_MINUTES, banUser, unbanUser } from './bans';
import { Ban, bansSlice, isBanActive } from './bans-slice';

/**
 * The channel a ban names: legacy `type` + `id` (what the JS client sends) or `channel_cid`;
 * `undefined` for an app-wide ban.
 * @throws ApiError code 4 for half a channel, 16 for an unknown channel.
 */
function bannedChannel(context: RouteContext, fields: JsonObject): ChannelRecord | undefined {
  const type = optionalString(fields, 'type');
  const id = optionalString(fields, 'id');
  const cidField = optionalString(fields, 'channel_cid');
  if ((type === undefined) !== (id === undefined)) {
    throw inputError('a channel ban needs both type and id');
  }
  const cid = type !== undefined && id !== undefined ? toCid(type, id) : cidField;
  if (cid === undefined) {
    return undefined;
  }
  const channel = context.services.store.getChannel(cid);
  if (!channel) {
    throw doesNotExistError(`channel "${cid}" does not exist`);
  }
  return channel;
}

/** Reads `target_user_id`. @throws ApiError code 4. */
function targetUserId(fields: JsonObject): string {
  const id = requiredString(fields, 'target_user_id');
  if (!isUserId(id)) {
    throw inputError(`target_user_id ${JSON.stringify(id)} is not a valid user id`);
  }
  return id;
}

/** `POST /moderation/ban {target_user_id, type?, id?, timeout?, reason?, shadow?}` → `{}`. */
function ban(context: RouteContext): JsonObject {
  const { body, caller } = context;
  if (optionalBoolean(body, 'ip_ban') === true) {
    throw inputError('ip_ban is not supported by the emulator (it has no client IP addresses)');
  }
  const targetId = targetUserId(body);
  const channel = bannedChannel(context, body);
  const bannedByField = optionalString(body, 'banned_by_id');
  const bannedById = caller.kind === 'user' ? caller.userId : bannedByField;
  if (bannedById !== undefined && !context.services.store.users.get(bannedById)) {
    throw inputError(`banned_by_id "${bannedById}" does not exist`);
  }
  banUser(context.services, caller, {
    targetId,
    channel,
    timeoutMinutes: optionalInteger(body, 'timeout', 1, MAX_BAN_MINUTES),
    reason: optionalString(body, 'reason'),
    shadow: optionalBoolean(body, 'shadow') ?? false,
    bannedById,
  });
  return {};
}

/** `DELETE /moderation/ban?target_user_id&type&id` → `{}`. */
function unban(context: RouteContext): JsonObject {
  const fields: JsonObject = Object.fromEntries(context.query.entries());
  delete fields['shadow'];
  const targetId = targetUserId(fields);
  unbanUser(context.services, context.caller, targetId, bannedChannel(context, fields));
  return {};
}

/** A ban as `queryBannedUsers` lists it. */
function banResponse(context: RouteContext, ban: Ban): JsonObject {
  const channel = ban.cid ? context.services.store.getChannel(ban.cid) : undefined;
  return {
    user: userResponse(context.services, ban.userId),
    ...(ban.bannedById ? { banned_by: userResponse(context.services, ban.bannedById) } : {}),
    ...(channel ? { channel: channelResponse(context.services, channel) } : {}),
    ...(ban.expires ? { expires: ban.expires } : {}),
    ...(ban.reason !== undefined ? { reason: ban.reason } : {}),
    shadow: ban.shadow,
    created_at: ban.createdAt,
  };
}

/** Reads a ban field for filters and sorting. */
function banField(ban: Ban, field: string): unknown {
  switch (field) {
    case 'channel_cid':
      return ban.cid;
    case 'user_id':
      return ban.userId;
    case 'banned_by_id':
      return ban.bannedById;
    case 'created_at':
      return ban.createdAt;
    case 'expires':
      return ban.expires;
    case 'reason':
      return ban.reason;
    case 'shadow':
      return ban.shadow;
    default:
      throw inputError(
        `cannot filter or sort bans by "${field}": use channel_cid, user_id, banned_by_id, created_at, expires, reason or shadow`,
      );
  }
}

/**
 * `GET /query_banned_users?payload={filter_conditions, sort, limit, offset, exclude_expired_bans}`
 * → `{bans}`. Callers see app-wide bans and the bans of channels they can read.
 */
function queryBannedUsers(context: RouteContext): JsonObject {
  const payload = parseJsonWithin(
    context.query.get('payload') ?? '{}',
    'payload (URL-encoded JSON)',
  );
  if (!isPlainObject(payload)) {
    throw inputError('payload must be a JSON object');
  }
  const matches = compileFilter(payload['filter_conditions'] ?? {}, { value: banField });
  const sort = parseSort(payload['sort'], [{ field: 'created_at', direction: -1 }]);
  sort.forEach(({ field }) => banField({ userId: '', shadow: false, createdAt: '' }, field));
  const limit = optionalInteger(payload, 'limit', 0, 100) ?? 25;
  const offset = optionalInteger(payload, 'offset', 0, 1_000_000) ?? 0;
  const excludeExpired = optionalBoolean(payload, 'exclude_expired_bans') ?? false;
  const { store } = context.services;
  const visible = [...store.slice(bansSlice).bans.values()].filter((item) => {
    const channel = item.cid ? store.getChannel(item.cid) : undefined;
    return (
      store.users.get(item.userId) &&
      (!item.cid || (channel && canReadChannel(context.caller, channel))) &&
      (!excludeExpired || isBanActive(item)) &&
      matches(item)
    );
  });
  const page = sortRecords(visible, sort, banField).slice(offset, offset + limit);
  return { bans: page.map((item) => banResponse(context, item)) };
}

/** Ban endpoints. */
export const banRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/moderation/ban',
    operation: 'BanUser',
    auth: 'caller',
    status: 201,
    handle: ban,
  },
  {
    method: 'DELETE',
    path: '/moderation/ban',
    operation: 'UnbanUser',
    auth: 'caller',
    handle: unban,
  },
  {
    method: 'GET',
    path: '/query_banned_users',
    operation: 'QueryBannedUsers',
    auth: 'caller',
    handle: queryBannedUsers,
  },
];
