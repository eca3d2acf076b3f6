import { ANONYMOUS_USER_ID } from '../protocol/identifiers';
import { storedUserFields } from '../store/state-snapshot';
import { extensionFields } from './response-extensions';
import { WireContext } from './wire-context';

/** A user as Stream sends it (`UserResponse`). */
export type UserResponse = Record<string, unknown> & { id: string };

/**
 * The `UserResponse` of a user: custom fields, then `id`, `role`, times, `banned` and
 * `online` (whether the user has an open connection).
 */
export function userResponse(context: WireContext, userId: string): UserResponse {
  if (userId === ANONYMOUS_USER_ID) {
    return { id: ANONYMOUS_USER_ID, role: 'anonymous', online: true, banned: false };
  }
  const user = context.store.users.get(userId);
  if (!user) {
    return { id: userId, role: 'user', online: false, banned: false };
  }
  return {
    ...storedUserFields(user),
    online: context.sessions.isOnline(user.id),
    ...extensionFields(
      context.responseExtensions,
      (extension) => extension.userFields,
      context,
      user,
    ),
  };
}

/**
 * The `me` object of the first `health.check` (`OwnUserResponse`): the user plus the
 * arrays the client requires (`mutes`, `channel_mutes`, `devices`) and unread counters.
 */
export function ownUserResponse(context: WireContext, userId: string): UserResponse {
  const unread =
    userId === ANONYMOUS_USER_ID
      ? { totalUnreadCount: 0, unreadChannels: 0 }
      : context.store.unreadSummary(userId);
  const user = userResponse(context, userId);
  return {
    language: '',
    invisible: false,
    ...user,
    online: true,
    devices: [],
    mutes: [],
    channel_mutes: [],
    blocked_user_ids: [],
    unread_count: unread.totalUnreadCount,
    total_unread_count: unread.totalUnreadCount,
    unread_channels: unread.unreadChannels,
    unread_threads: 0,
    ...extensionFields(
      context.responseExtensions,
      (extension) => extension.ownUserFields,
      context,
      userId,
    ),
  };
}

/** The unread counters Stream adds to events addressed to one user. */
export function unreadCounters(context: WireContext, userId: string): Record<string, number> {
  const unread = context.store.unreadSummary(userId);
  return {
    total_unread_count: unread.totalUnreadCount,
    unread_count: unread.totalUnreadCount,
    unread_channels: unread.unreadChannels,
  };
}
