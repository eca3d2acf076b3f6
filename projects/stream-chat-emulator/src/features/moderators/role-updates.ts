import { inputError } from '../../protocol/api-error';
import { isPlainObject } from '../../protocol/body-fields';
import { ChannelUpdate } from '../../services/service-hooks';
import { ChatServices } from '../../services/emulator-services';
import { ChannelRecord } from '../../store/model';
import { MEMBER_ROLE, MODERATOR_ROLE, assignableRole, requireRoleManager } from './channel-roles';

/** One role change a request asks for. */
interface RoleChange {
  userId: string;
  channelRole: string;
}

/** @throws ApiError code 4 unless the user is a member of the channel. */
function requireMember(channel: ChannelRecord, userId: string, field: string): void {
  if (!channel.members.has(userId)) {
    throw inputError(`${field}: user "${userId}" is not a member of channel "${channel.cid}"`);
  }
}

/** Reads `add_moderators` / `demote_moderators`: member ids. @throws ApiError code 4. */
function memberIds(channel: ChannelRecord, value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((id) => typeof id === 'string')) {
    throw inputError(`${field} must be a non-empty array of user ids`);
  }
  for (const id of value as string[]) {
    requireMember(channel, id, field);
  }
  return value as string[];
}

/** Reads `assign_roles`: `[{user_id, channel_role}]` of members. @throws ApiError code 4. */
function roleAssignments(channel: ChannelRecord, value: unknown): RoleChange[] {
  const shape = 'assign_roles must be a non-empty array of {user_id, channel_role}';
  if (!Array.isArray(value) || value.length === 0) {
    throw inputError(shape);
  }
  return value.map((entry, index): RoleChange => {
    if (!isPlainObject(entry) || typeof entry['user_id'] !== 'string') {
      throw inputError(shape);
    }
    requireMember(channel, entry['user_id'], 'assign_roles');
    return {
      userId: entry['user_id'],
      channelRole: assignableRole(entry['channel_role'], `assign_roles[${index}].channel_role`),
    };
  });
}

/**
 * The role part of `POST /channels/{type}/{id}`: `add_moderators`, `demote_moderators`,
 * `assign_roles` (a `PATCH` has none of them), applied in that order; `member.updated` for every member whose role changed.
 * @throws ApiError code 17 unless the caller is an admin, the channel's creator or one of its
 * moderators; code 4 for malformed lists, non-members or unsupported roles (nothing changes).
 */
export function prepareRoleUpdate(
  services: ChatServices,
  update: ChannelUpdate,
): (() => void) | undefined {
  const { channel, body, caller } = update;
  if (update.kind !== 'full') {
    return undefined;
  }
  const add = body['add_moderators'];
  const demote = body['demote_moderators'];
  const assign = body['assign_roles'];
  if (add === undefined && demote === undefined && assign === undefined) {
    return undefined;
  }
  requireRoleManager(caller, channel, 'UpdateChannelMembers');
  const changes: RoleChange[] = [
    ...(add === undefined ? [] : memberIds(channel, add, 'add_moderators')).map((userId) => ({
      userId,
      channelRole: MODERATOR_ROLE,
    })),
    ...(demote === undefined ? [] : memberIds(channel, demote, 'demote_moderators')).map(
      (userId) => ({ userId, channelRole: MEMBER_ROLE }),
    ),
    ...(assign === undefined ? [] : roleAssignments(channel, assign)),
  ];
  return () => {
    for (const change of changes) {
      if (channel.members.get(change.userId)?.channelRole === change.channelRole) {
        continue;
      }
      const member = services.store.updateMember(channel, change.userId, {
        channelRole: change.channelRole,
      });
      if (member) {
        services.fanout.memberUpdated(channel, member);
      }
    }
  };
}
