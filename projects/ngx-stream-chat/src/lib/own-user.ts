import type { Event as StreamEvent, OwnUserResponse } from 'stream-chat';

/**
 * The connected user as `user$` emits it: id, name, image, role, `online`, the unread counters
 * (`unread_count`, `total_unread_count`, `unread_channels`) and any custom fields.
 */
export type ChatUser = OwnUserResponse;

/** Events whose counters are the connected user's own totals. */
const unreadCounterEvents = new Set([
  'message.new',
  'notification.message_new',
  'notification.mark_read',
  'notification.mark_unread',
]);

/** Whether `event` is one that carries the connected user's unread totals. */
export function isUnreadCounterEvent(event: StreamEvent): boolean {
  return unreadCounterEvents.has(event.type);
}

/**
 * Copies the unread counters `event` carries into `into`, when it carries the user's own totals,
 * so that a burst of events updates one record in place instead of copying the user per event.
 * Returns whether it carried any.
 */
export function collectUnreadCounters(into: Partial<ChatUser>, event: StreamEvent): boolean {
  if (!unreadCounterEvents.has(event.type) || typeof event.total_unread_count !== 'number') {
    return false;
  }
  into.total_unread_count = event.total_unread_count;
  into.unread_count = event.total_unread_count;
  if (typeof event.unread_channels === 'number') {
    into.unread_channels = event.unread_channels;
  }
  return true;
}

/** The user with `counters`; `undefined` when it already has them. Pure. */
export function withUnreadCounters(
  user: ChatUser,
  counters: Partial<ChatUser>,
): ChatUser | undefined {
  let changed = false;
  for (const key in counters) {
    changed ||= counters[key as keyof ChatUser] !== user[key as keyof ChatUser];
  }
  return changed ? { ...user, ...counters } : undefined;
}

/**
 * The connected user after `event`: `undefined` when the event changes nothing, so callers
 * emit only real changes. Pure: `user` is never modified.
 */
export function ownUserAfterEvent(user: ChatUser, event: StreamEvent): ChatUser | undefined {
  if (event.type === 'health.check' && event.me) {
    return { ...user, ...event.me, online: true };
  }
  if (event.type === 'connection.changed' && typeof event.online === 'boolean') {
    return user.online === event.online ? undefined : { ...user, online: event.online };
  }
  if (
    (event.type === 'user.updated' || event.type === 'user.presence.changed') &&
    event.user?.id === user.id
  ) {
    // Our own socket is what counts for our online state, not presence reports.
    return { ...user, ...event.user, online: user.online };
  }
  const counters: Partial<ChatUser> = {};
  return collectUnreadCounters(counters, event) ? withUnreadCounters(user, counters) : undefined;
}
