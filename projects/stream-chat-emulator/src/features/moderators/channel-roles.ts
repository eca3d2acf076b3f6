import { Caller, isAdmin } from '../../auth/caller';
import { ChannelRecord } from '../../store/model';
import { notAllowedError, inputError } from '../../protocol/api-error';

/** The channel role of a moderator. */
export const MODERATOR_ROLE = 'channel_moderator';
/** The channel role of an ordinary member. */
export const MEMBER_ROLE = 'channel_member';
/** The channel roles the emulator assigns; custom channel roles are not supported. */
export const ASSIGNABLE_CHANNEL_ROLES: readonly string[] = [MEMBER_ROLE, MODERATOR_ROLE];

/**
 * Whether the caller may change members' channel roles: admins (and server-side calls),
 * the channel's creator, and its moderators.
 */
export function canManageChannelRoles(caller: Caller, channel: ChannelRecord): boolean {
  if (isAdmin(caller)) {
    return true;
  }
  if (caller.kind !== 'user') {
    return false;
  }
  return (
    channel.createdById === caller.userId ||
    channel.members.get(caller.userId)?.channelRole === MODERATOR_ROLE
  );
}

/**
 * @param operation the action named in the error, e.g. `UpdateChannelMembers`.
 * @throws ApiError code 17 unless the caller may change channel roles.
 */
export function requireRoleManager(
  caller: Caller,
  channel: ChannelRecord,
  operation: string,
): void {
  if (!canManageChannelRoles(caller, channel)) {
    const who = caller.kind === 'user' ? `User '${caller.userId}'` : 'Anonymous user';
    throw notAllowedError(
      `${who} is not allowed to perform action ${operation} in scope '${channel.type}': only admins, the channel's creator and its moderators may change channel roles`,
    );
  }
}

/**
 * Checks a channel role sent by a client.
 * @throws ApiError code 4 unless it is `channel_member` or `channel_moderator`.
 */
export function assignableRole(role: unknown, field: string): string {
  if (typeof role !== 'string' || !ASSIGNABLE_CHANNEL_ROLES.includes(role)) {
    throw inputError(
      `${field} must be one of ${ASSIGNABLE_CHANNEL_ROLES.join(', ')}; custom channel roles are not supported by the emulator`,
    );
  }
  return role;
}
