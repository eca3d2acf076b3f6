import { createHash } from 'node:crypto';
import { inputError, notAllowedError } from '../../protocol/api-error';
import { Caller } from '../../auth/caller';
import { isUserId } from '../../protocol/identifiers';
import { ChannelRecord } from '../../store/model';
import { isPlainObject } from '../../protocol/body-fields';
import { JsonObject } from '../../protocol/body-fields';
import { RouteContext } from '../route-table';
import { actingUser } from './channel-access';

/** Fields of `data` that are not custom channel data. */
const RESERVED_CHANNEL_FIELDS = new Set([
  'members',
  'created_by',
  'created_by_id',
  'id',
  'type',
  'cid',
  'config',
  'own_capabilities',
  'member_count',
  'created_at',
  'updated_at',
  'last_message_at',
  'deleted_at',
  'truncated_at',
]);

/** A member entry as sent in `data.members` or `add_members`: an id or `{user_id, channel_role}`. */
export interface MemberEntry {
  userId: string;
  channelRole?: string;
}

/**
 * Reads a list of members (`["alice", {"user_id": "bob"}]`) and checks the users exist.
 * @throws ApiError code 4 for malformed entries or unknown users.
 */
export function parseMemberEntries(
  context: RouteContext,
  value: unknown,
  field: string,
): MemberEntry[] {
  if (!Array.isArray(value)) {
    throw inputError(`${field} must be an array of user ids or {user_id} objects`);
  }
  const entries = value.map((entry): MemberEntry => {
    if (typeof entry === 'string') {
      return { userId: entry };
    }
    if (isPlainObject(entry) && typeof entry['user_id'] === 'string') {
      const role = entry['channel_role'];
      return { userId: entry['user_id'], channelRole: typeof role === 'string' ? role : undefined };
    }
    throw inputError(`${field} must be an array of user ids or {user_id} objects`);
  });
  const missing = entries
    .map((entry) => entry.userId)
    .filter((id) => !isUserId(id) || !context.services.store.users.get(id));
  if (missing.length > 0) {
    throw inputError(
      `The following users are specified in ${field} but don't exist: ${missing.join(', ')}`,
    );
  }
  return entries;
}

/** Custom channel fields of a `data` object (reserved fields left out). */
export function customChannelData(data: JsonObject): JsonObject {
  const custom: JsonObject = {};
  for (const [key, value] of Object.entries(data)) {
    if (!RESERVED_CHANNEL_FIELDS.has(key) && value !== undefined) {
      custom[key] = value;
    }
  }
  return custom;
}

/** The id Stream-style distinct channels get from their members: `!members-<hash>`. */
export function distinctChannelId(memberIds: string[]): string {
  const key = [...new Set(memberIds)].sort().join(',');
  return `!members-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

/**
 * Creates a channel for a get-or-create query. Users create as themselves; the server
 * must name the creator in `data.created_by_id` or `data.created_by.id`.
 * @throws ApiError code 17 for anonymous callers, code 4 for bad members or a missing creator.
 */
export function createChannelFromQuery(
  context: RouteContext,
  type: string,
  id: string,
  data: JsonObject,
): { channel: ChannelRecord; creator: Caller & { kind: 'user' } } {
  if (context.caller.kind === 'anonymous') {
    throw notAllowedError(
      `Anonymous user is not allowed to perform action CreateChannel in scope '${type}'`,
    );
  }
  const createdBy = data['created_by'];
  const namedCreator =
    typeof data['created_by_id'] === 'string'
      ? data['created_by_id']
      : isPlainObject(createdBy) && typeof createdBy['id'] === 'string'
        ? createdBy['id']
        : undefined;
  const creator = actingUser(
    context,
    context.caller.kind === 'server' ? namedCreator : undefined,
    'CreateChannel',
  );
  const members =
    data['members'] === undefined
      ? []
      : parseMemberEntries(context, data['members'], 'channel.members');
  const channel = context.services.store.createChannel({
    type,
    id,
    createdById: creator.userId,
    data: customChannelData(data),
    memberIds: [],
  });
  for (const member of members) {
    context.services.store.addMembers(channel, [member.userId], member.channelRole);
  }
  return { channel, creator };
}
