import { notAllowedError } from '../../protocol/api-error';
import { ChatServices } from '../../services/emulator-services';
import { ChatStore } from '../../store/chat-store';
import { lifecycleSlice, UserStatus } from './lifecycle-slice';

/** The deactivation or soft deletion of a user, if any. */
export function statusOf(store: ChatStore, userId: string): UserStatus | undefined {
  return store.slice(lifecycleSlice).users.get(userId);
}

/**
 * @throws ApiError code 17 when the user is deactivated or deleted (they cannot connect or send).
 */
export function requireActiveUser(store: ChatStore, userId: string): void {
  const status = statusOf(store, userId);
  if (status?.deletedAt) {
    throw notAllowedError(`user ${userId} was deleted`);
  }
  if (status?.deactivatedAt) {
    throw notAllowedError(`user ${userId} is deactivated`);
  }
}

/** Sets part of a user's status, dropping the entry when nothing is left. */
export function updateStatus(store: ChatStore, userId: string, changes: UserStatus): void {
  const users = store.slice(lifecycleSlice).users;
  const next = { ...users.get(userId), ...changes };
  if (next.deactivatedAt === undefined && next.deletedAt === undefined) {
    users.delete(userId);
  } else {
    users.set(userId, next);
  }
  const user = store.users.get(userId);
  if (user) {
    user.updatedAt = store.clock.next();
    store.changes.user(userId);
  }
  store.changed();
}

/**
 * Deletes every message of the user (soft or hard).
 * @param announce whether to send `message.deleted` per message to the channel's watchers
 * (not needed after `user.deleted`, which makes clients do it themselves).
 */
export function deleteMessagesOf(
  services: ChatServices,
  userId: string,
  hard: boolean,
  announce: boolean,
): void {
  const { store } = services;
  for (const channel of store.listChannels()) {
    const own = channel.messages.filter(
      (message) => message.userId === userId && (hard || message.type !== 'deleted'),
    );
    for (const message of own) {
      store.deleteMessage(channel, message, hard);
      if (announce) {
        services.fanout.messageChanged(channel, message, 'message.deleted', { hard_delete: hard });
      }
    }
  }
}

/** Closes the user's connections (close code 1000: the client does not reconnect). */
export function closeConnectionsOf(services: ChatServices, userId: string, reason: string): void {
  for (const session of services.sessions.ofUser(userId)) {
    session.close(1000, reason);
  }
}

/**
 * Sends an event about a user to every open connection.
 * @param user the user as the event carries it (built before a hard delete removes it).
 */
export function announceToEveryone(
  services: ChatServices,
  user: Record<string, unknown>,
  event: Record<string, unknown>,
): void {
  const frame = JSON.stringify({ ...event, user, created_at: services.store.clock.next() });
  for (const session of services.sessions.all()) {
    session.sendJson(frame);
  }
}
