import { ClientSession } from './client-session';

/** How many connections of one user watch one channel. */
interface UserWatch {
  /** All of them. */
  connections: number;
  /** Those that are not anonymous. */
  signedIn: number;
}

/** The connections watching one channel, with per-user counts kept as they come and go. */
interface ChannelWatch {
  sessions: Set<ClientSession>;
  users: Map<string, UserWatch>;
  /** Users with at least one signed-in connection among `sessions`. */
  signedInUsers: number;
  /** Anonymous connections among `sessions`. */
  anonymousConnections: number;
}

/**
 * The connections watching each channel, by cid. Besides the connections themselves it keeps
 * per-user counts, so that whether a user watches a channel and how many watchers a channel
 * reports cost the same with one watcher or a thousand.
 */
export class WatcherIndex {
  private readonly byCid = new Map<string, ChannelWatch>();

  /**
   * Records that a connection watches a channel.
   * @returns whether it was not recorded already.
   */
  add(cid: string, session: ClientSession): boolean {
    let watch = this.byCid.get(cid);
    if (!watch) {
      watch = { sessions: new Set(), users: new Map(), signedInUsers: 0, anonymousConnections: 0 };
      this.byCid.set(cid, watch);
    }
    if (watch.sessions.has(session)) {
      return false;
    }
    watch.sessions.add(session);
    let user = watch.users.get(session.userId);
    if (!user) {
      user = { connections: 0, signedIn: 0 };
      watch.users.set(session.userId, user);
    }
    user.connections++;
    if (session.anonymous) {
      watch.anonymousConnections++;
    } else if (user.signedIn++ === 0) {
      watch.signedInUsers++;
    }
    return true;
  }

  /**
   * Records that a connection no longer watches a channel.
   * @returns whether it was recorded.
   */
  remove(cid: string, session: ClientSession): boolean {
    const watch = this.byCid.get(cid);
    if (!watch?.sessions.delete(session)) {
      return false;
    }
    const user = watch.users.get(session.userId);
    if (user) {
      if (session.anonymous) {
        watch.anonymousConnections--;
      } else if (--user.signedIn === 0) {
        watch.signedInUsers--;
      }
      if (--user.connections === 0) {
        watch.users.delete(session.userId);
      }
    }
    if (watch.sessions.size === 0) {
      this.byCid.delete(cid);
    }
    return true;
  }

  /**
   * Forgets every watch of a channel.
   * @returns the connections that watched it.
   */
  forget(cid: string): ClientSession[] {
    const sessions = [...(this.byCid.get(cid)?.sessions ?? [])];
    this.byCid.delete(cid);
    return sessions;
  }

  /** The connections watching a channel, in the order they started; empty when none. */
  sessionsOf(cid: string): ReadonlySet<ClientSession> {
    return this.byCid.get(cid)?.sessions ?? NO_SESSIONS;
  }

  /** Whether any connection acting as `userId` (anonymous ones as `!anon`) watches the channel. */
  isWatching(userId: string, cid: string): boolean {
    return this.byCid.get(cid)?.users.has(userId) ?? false;
  }

  /** Distinct signed-in users watching a channel plus each anonymous connection; 0 when none. */
  watcherCount(cid: string): number {
    const watch = this.byCid.get(cid);
    return watch ? watch.signedInUsers + watch.anonymousConnections : 0;
  }
}

const NO_SESSIONS: ReadonlySet<ClientSession> = new Set();
