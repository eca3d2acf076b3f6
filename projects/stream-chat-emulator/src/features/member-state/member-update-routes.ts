import { doesNotExistError, inputError, notAllowedError } from '../../protocol/api-error';
import { JsonObject, optionalObject, optionalStringArray } from '../../protocol/body-fields';
import { checkCustomDataSize } from '../../protocol/json-limits';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { requireChannel } from '../../http/routes/channel-access';
import { memberResponse } from '../../responses/channel-responses';
import { assignableRole, requireRoleManager } from '../moderators/channel-roles';
import { MemberState, memberStateSlice } from './member-state-slice';

/**
 * Member fields the server computes or other endpoints own; `set`/`unset` may not touch them.
 * (`pinned`, `archived` and `channel_role` are handled; anything else is custom data.)
 */
const RESERVED_MEMBER_FIELDS = new Set([
  'user_id',
  'user',
  'role',
  'is_moderator',
  'created_at',
  'updated_at',
  'pinned_at',
  'archived_at',
  'banned',
  'ban_expires',
  'shadow_banned',
  'invited',
  'invite_accepted_at',
  'invite_rejected_at',
  'status',
  'notifications_muted',
  'cid',
  'channel',
]);

/**
 * The member a request updates. Client-side callers update only their own membership (the
 * client always sends its own `user_id` as a query parameter, and the `/member/{user_id}`
 * form names it in the path); server-side calls name the member in the path or `?user_id=`.
 * @throws ApiError code 17 for a user naming someone else or anonymous callers, code 4 when
 * the server names nobody.
 */
function targetUserId(context: RouteContext): string {
  const { caller } = context;
  const named = [context.params['user_id'], ...context.query.getAll('user_id')].filter(
    (id): id is string => typeof id === 'string' && id !== '',
  );
  if (caller.kind === 'anonymous') {
    throw notAllowedError('Anonymous user is not allowed to perform action UpdateChannelMember');
  }
  if (caller.kind === 'user') {
    const other = named.find((id) => id !== caller.userId);
    if (other !== undefined) {
      throw notAllowedError(
        `User '${caller.userId}' may only update their own membership, not the membership of '${other}'`,
      );
    }
    return caller.userId;
  }
  if (named.length === 0) {
    throw inputError('a server-side member update needs the member: user_id');
  }
  return named[0];
}

/** Reads a boolean `pinned` / `archived` from `set`. @throws ApiError code 4 otherwise. */
function flag(set: JsonObject, key: string): boolean | undefined {
  const value = set[key];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'boolean') {
    throw inputError(`set.${key} must be a boolean`);
  }
  return value;
}

/**
 * `PATCH /channels/{type}/{id}/member` and `PATCH /channels/{type}/{id}/member/{user_id}`:
 * `set`/`unset` of `pinned` (→ `pinned_at`), `archived` (→ `archived_at`), `channel_role`
 * (admins, the creator and moderators only) and custom member fields; then `member.updated`.
 * Answers `{channel_member}`.
 */
function updateMemberPartial(context: RouteContext): JsonObject {
  const { services, body, caller } = context;
  const channel = requireChannel(context);
  const userId = targetUserId(context);
  const member = channel.members.get(userId);
  if (!member) {
    throw doesNotExistError(`user "${userId}" is not a member of channel "${channel.cid}"`);
  }
  const set = optionalObject(body, 'set') ?? {};
  const unset = optionalStringArray(body, 'unset') ?? [];
  if (Object.keys(set).length === 0 && unset.length === 0) {
    throw inputError('set or unset is required');
  }
  for (const key of [...Object.keys(set), ...unset]) {
    if (RESERVED_MEMBER_FIELDS.has(key)) {
      throw inputError(`member field ${key} cannot be set or unset`);
    }
  }
  const both = unset.find((key) => Object.hasOwn(set, key));
  if (both !== undefined) {
    throw inputError(`${both} cannot be both set and unset`);
  }
  if (unset.includes('channel_role')) {
    throw inputError('channel_role cannot be unset');
  }
  const pinned = flag(set, 'pinned');
  const archived = flag(set, 'archived');
  const channelRole =
    set['channel_role'] === undefined
      ? undefined
      : assignableRole(set['channel_role'], 'set.channel_role');
  if (channelRole !== undefined) {
    requireRoleManager(caller, channel, 'UpdateChannelMembers');
  }

  const table = services.store.slice(memberStateSlice);
  const before = table.get(channel.cid, userId);
  const state: MemberState = { ...before, data: { ...before?.data } };
  for (const [key, value] of Object.entries(set)) {
    if (key !== 'pinned' && key !== 'archived' && key !== 'channel_role') {
      state.data[key] = value;
    }
  }
  for (const key of unset) {
    delete state.data[key];
  }
  checkCustomDataSize(`member ${userId} of ${channel.cid}`, state.data);

  const updated = services.store.updateMember(channel, userId, { channelRole }) ?? member;
  const now = updated.updatedAt;
  if (pinned !== undefined) {
    state.pinnedAt = pinned ? (before?.pinnedAt ?? now) : undefined;
  }
  if (archived !== undefined) {
    state.archivedAt = archived ? (before?.archivedAt ?? now) : undefined;
  }
  if (unset.includes('pinned')) {
    state.pinnedAt = undefined;
  }
  if (unset.includes('archived')) {
    state.archivedAt = undefined;
  }
  table.put(channel.cid, userId, state);
  services.store.changed();
  services.fanout.memberUpdated(channel, updated);
  return { channel_member: memberResponse(services, channel, updated) };
}

/** The member partial update endpoints (both forms the client uses). */
export const memberUpdateRoutes: RouteDefinition[] = [
  {
    method: 'PATCH',
    path: '/channels/:type/:id/member',
    operation: 'UpdateMemberPartial',
    auth: 'caller',
    handle: updateMemberPartial,
  },
  {
    method: 'PATCH',
    path: '/channels/:type/:id/member/:user_id',
    operation: 'UpdateMemberPartial',
    auth: 'caller',
    handle: updateMemberPartial,
  },
];
