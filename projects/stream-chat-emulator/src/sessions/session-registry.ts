import { ClientSession } from './client-session';
import { WatcherIndex } from './watcher-index';

/** The open connections, indexed by id, by user and by watched channel. */
export class SessionRegistry {
  private readonly byId = new Map<string, ClientSession>();
  private readonly byUser = new Map<string, Set<ClientSession>>();
  private readonly watchers = new WatcherIndex();
  private readonly presenceSubscribers = new Map<string, Set<ClientSession>>();

  /** Registers a connection that has just been accepted. */
  add(session: ClientSession): void {
    this.byId.set(session.id, session);
    addTo(this.byUser, session.userId, session);
  }

  /**
   * Unregisters a closed connection and ends its watches.
   * @returns the cids the connection watched.
   */
  remove(session: ClientSession): string[] {
    this.byId.delete(session.id);
    removeFrom(this.byUser, session.userId, session);
    const watched = [...session.watching];
    for (const cid of watched) {
      this.watchers.remove(cid, session);
    }
    session.watching.clear();
    for (const userId of session.presenceOf) {
      removeFrom(this.presenceSubscribers, userId, session);
    }
    session.presenceOf.clear();
    return watched;
  }

  /** The open connection with this id, or `undefined` (stale and unknown ids alike). */
  get(id: string | undefined): ClientSession | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  /** Subscribes a connection to the presence of a user (indexed by that user). */
  subscribePresence(session: ClientSession, userId: string): void {
    if (!session.presenceOf.has(userId) && this.byId.get(session.id) === session) {
      session.presenceOf.add(userId);
      addTo(this.presenceSubscribers, userId, session);
    }
  }

  /**
   * The connections told about a user's presence and changes: the user's own and those
   * subscribed to them, in O(their number).
   */
  presenceAudience(userId: string): Set<ClientSession> {
    return new Set([
      ...(this.byUser.get(userId) ?? []),
      ...(this.presenceSubscribers.get(userId) ?? []),
    ]);
  }

  /** Every open connection. */
  all(): ClientSession[] {
    return [...this.byId.values()];
  }

  /** The open connections of a user. */
  ofUser(userId: string): ClientSession[] {
    return [...(this.byUser.get(userId) ?? [])];
  }

  /** Whether the user has at least one open connection. */
  isOnline(userId: string): boolean {
    return (this.byUser.get(userId)?.size ?? 0) > 0;
  }

  /** How many connections are open, for one user or for everyone. */
  count(userId?: string): number {
    return userId === undefined ? this.byId.size : (this.byUser.get(userId)?.size ?? 0);
  }

  /** The connections watching a channel. */
  watchersOf(cid: string): ClientSession[] {
    return [...this.watchers.sessionsOf(cid)];
  }

  /** Whether any connection of the user watches the channel. */
  isWatching(userId: string, cid: string): boolean {
    return this.watchers.isWatching(userId, cid);
  }

  /**
   * Makes a connection watch a channel.
   * @returns whether the user was not watching it from any connection before.
   */
  watch(session: ClientSession, cid: string): boolean {
    if (session.watching.has(cid)) {
      return false;
    }
    const firstForUser = session.anonymous || !this.isWatching(session.userId, cid);
    session.watching.add(cid);
    this.watchers.add(cid, session);
    return firstForUser;
  }

  /**
   * Ends a connection's watch of a channel.
   * @returns whether the user no longer watches it from any connection.
   */
  unwatch(session: ClientSession, cid: string): boolean {
    if (!session.watching.delete(cid)) {
      return false;
    }
    this.watchers.remove(cid, session);
    return session.anonymous || !this.isWatching(session.userId, cid);
  }

  /** Ends every watch of a channel (it was deleted). */
  forgetChannel(cid: string): void {
    for (const session of this.watchers.forget(cid)) {
      session.watching.delete(cid);
    }
  }

  /**
   * The number of watchers a channel reports: distinct signed-in users plus each
   * anonymous connection.
   */
  watcherCount(cid: string): number {
    return this.watchers.watcherCount(cid);
  }

  /** The distinct signed-in users watching a channel. */
  watcherIds(cid: string): string[] {
    const users = new Set<string>();
    for (const session of this.watchers.sessionsOf(cid)) {
      if (!session.anonymous) {
        users.add(session.userId);
      }
    }
    return [...users];
  }
}

function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  let values = index.get(key);
  if (!values) {
    values = new Set();
    index.set(key, values);
  }
  values.add(value);
}

function removeFrom<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const values = index.get(key);
  if (values) {
    values.delete(value);
    if (values.size === 0) {
      index.delete(key);
    }
  }
}
