import { MonotonicClock } from './clock';
import { checkCustomDataSize } from '../protocol/json-limits';
import { UserRecord } from './model';

/**
 * User fields that are not custom data: they are computed by the server or have their
 * own record field, so they are dropped from incoming user objects.
 */
export const RESERVED_USER_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'role',
  'created_at',
  'updated_at',
  'last_active',
  'online',
  'banned',
  'anon',
  'deactivated_at',
  'deleted_at',
  'mutes',
  'channel_mutes',
  'devices',
  'unread_count',
  'total_unread_count',
  'unread_channels',
  'unread_threads',
  'blocked_user_ids',
  'channel_last_read_at',
]);

/** Copies the custom fields of an incoming user object, leaving out reserved ones. */
export function customUserFields(input: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!RESERVED_USER_FIELDS.has(key) && value !== undefined) {
      data[key] = value;
    }
  }
  return data;
}

/** The app's users, by id. */
export class UserDirectory {
  private readonly users = new Map<string, UserRecord>();

  constructor(
    private readonly clock: MonotonicClock,
    /** Called after every change, with the id of the user that changed. */
    private readonly changed: (userId: string) => void,
  ) {}

  /** The user with this id, or `undefined`. */
  get(id: string): UserRecord | undefined {
    return this.users.get(id);
  }

  /** All users, in creation order. */
  list(): UserRecord[] {
    return [...this.users.values()];
  }

  /** Adds a fully formed record (seed loading). Replaces any user with the same id. */
  put(record: UserRecord): void {
    this.users.set(record.id, record);
    this.changed(record.id);
  }

  /**
   * Returns the user, creating it with `role` when missing.
   * @param data custom fields for a new user.
   */
  ensure(id: string, role = 'user', data: Record<string, unknown> = {}): UserRecord {
    const existing = this.users.get(id);
    if (existing) {
      return existing;
    }
    const now = this.clock.next();
    const record: UserRecord = { id, role, createdAt: now, updatedAt: now, banned: false, data };
    this.users.set(id, record);
    this.changed(id);
    return record;
  }

  /**
   * Creates or replaces a user (`POST /users` semantics: custom fields are replaced).
   * Like every write here, it refuses custom data over the size limit before changing anything.
   * @param role the new role; the current one (or `user`) when omitted.
   */
  replace(id: string, data: Record<string, unknown>, role?: string): UserRecord {
    checkCustomDataSize(`user "${id}"`, data);
    const existing = this.ensure(id, role ?? 'user');
    existing.data = { ...data };
    if (role !== undefined) {
      existing.role = role;
    }
    existing.updatedAt = this.clock.next();
    this.changed(id);
    return existing;
  }

  /**
   * Merges custom fields into a user, creating it when missing (connect semantics).
   * @returns the user and whether anything changed.
   */
  merge(
    id: string,
    data: Record<string, unknown>,
    role = 'user',
  ): { user: UserRecord; changed: boolean } {
    const existing = this.users.get(id);
    checkCustomDataSize(`user "${id}"`, { ...existing?.data, ...data });
    if (!existing) {
      return { user: this.ensure(id, role, { ...data }), changed: true };
    }
    let changed = false;
    for (const [key, value] of Object.entries(data)) {
      if (JSON.stringify(existing.data[key]) !== JSON.stringify(value)) {
        existing.data[key] = value;
        changed = true;
      }
    }
    if (changed) {
      existing.updatedAt = this.clock.next();
      this.changed(id);
    }
    return { user: existing, changed };
  }

  /** Applies a partial update: `set` fields are written, `unset` fields removed. */
  patch(id: string, set: Record<string, unknown>, unset: string[], role?: string): UserRecord {
    const data = { ...this.users.get(id)?.data, ...set };
    for (const key of unset) {
      delete data[key];
    }
    checkCustomDataSize(`user "${id}"`, data);
    const user = this.ensure(id);
    user.data = data;
    if (role !== undefined) {
      user.role = role;
    }
    user.updatedAt = this.clock.next();
    this.changed(id);
    return user;
  }

  /** Records activity: sets `last_active` to now. */
  touch(id: string): void {
    const user = this.users.get(id);
    if (user) {
      user.lastActive = this.clock.next();
      this.changed(id);
    }
  }

  /** Removes one user (a hard delete). @returns whether it existed. */
  remove(id: string): boolean {
    const existed = this.users.delete(id);
    if (existed) {
      this.changed(id);
    }
    return existed;
  }

  /** Removes every user. */
  clear(): void {
    this.users.clear();
  }
}
