import { doesNotExistError, inputError } from '../../protocol/api-error';
import { memberResponse } from '../../responses/channel-responses';
import { isChannelId, isChannelType } from '../../protocol/identifiers';
import { MemberRecord, toCid } from '../../store/model';
import { compileFilter } from '../../store/query-filter';
import { isPlainObject, ownField } from '../../protocol/body-fields';
import { parseJsonWithin } from '../../protocol/json-limits';
import { parseSort, sortRecords } from '../../store/query-sort';
import { JsonObject, optionalInteger } from '../../protocol/body-fields';
import { RouteContext, RouteDefinition } from '../route-table';
import { requireReadable } from './channel-access';

/** Most members one page may hold. */
const MAX_QUERY_MEMBERS_LIMIT = 300;

/**
 * `GET /members?payload={type, id, filter_conditions, sort, limit, offset}`: the members
 * of a channel the caller can read, filtered on `user_id`, `name` (the user's),
 * `channel_role`, `created_at` and the user's custom fields.
 */
function queryMembers(context: RouteContext): JsonObject {
  const payload = parseJsonWithin(context.query.get('payload') ?? '', 'payload (URL-encoded JSON)');
  if (!isPlainObject(payload) || !isChannelType(payload['type']) || !isChannelId(payload['id'])) {
    throw inputError('payload needs a valid channel type and id');
  }
  const cid = toCid(payload['type'], payload['id']);
  const channel = context.services.store.getChannel(cid);
  if (!channel) {
    throw doesNotExistError(`channel "${cid}" does not exist`);
  }
  requireReadable(context.caller, channel);
  const value = (member: MemberRecord, field: string): unknown => {
    const user = context.services.store.users.get(member.userId);
    switch (field) {
      case 'user_id':
      case 'id':
        return member.userId;
      case 'name':
        return user?.data['name'] ?? member.userId;
      case 'channel_role':
        return member.channelRole;
      case 'created_at':
        return member.createdAt;
      case 'updated_at':
        return member.updatedAt;
      default:
        return user ? ownField(user.data, field) : undefined;
    }
  };
  const predicate = compileFilter(payload['filter_conditions'] ?? {}, { value });
  const sort = parseSort(payload['sort'], [{ field: 'created_at', direction: 1 }]);
  const limit = optionalInteger(payload, 'limit', 0, MAX_QUERY_MEMBERS_LIMIT) ?? 100;
  const offset = optionalInteger(payload, 'offset', 0, 1_000_000) ?? 0;
  const members = sortRecords([...channel.members.values()].filter(predicate), sort, value);
  return {
    members: members
      .slice(offset, offset + limit)
      .map((member) => memberResponse(context.services, channel, member)),
  };
}

/** Member query endpoint. */
export const memberQueryRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/members',
    operation: 'QueryMembers',
    auth: 'caller',
    handle: queryMembers,
  },
];
