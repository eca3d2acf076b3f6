import { userResponse } from '../responses/user-responses';
import { WireContext } from '../responses/wire-context';
import { findChannelType } from '../store/channel-types';
import { ChannelRecord } from '../store/model';
import { ClientSession } from '../sessions/client-session';
import { channelEventBase } from './channel-event-base';

/**
 * Watches: a connection watching a channel receives its events. The first connection of
 * a user to watch sends `user.watching.start`, and the last one to stop sends
 * `user.watching.stop` (when the type has connect events).
 */
export class ChannelWatching {
  constructor(private readonly context: WireContext) {}

  /** Makes a connection watch a channel. */
  start(session: ClientSession, channel: ChannelRecord): void {
    if (this.context.sessions.watch(session, channel.cid)) {
      this.announce(channel, session, 'user.watching.start');
    }
  }

  /** Ends a connection's watch of a channel. */
  stop(session: ClientSession, channel: ChannelRecord): void {
    if (this.context.sessions.unwatch(session, channel.cid)) {
      this.announce(channel, session, 'user.watching.stop');
    }
  }

  /** Ends every connection of a user watching a channel (the user lost access to it). */
  stopUser(userId: string, channel: ChannelRecord): void {
    for (const session of this.context.sessions.ofUser(userId)) {
      this.stop(session, channel);
    }
  }

  /**
   * Tells the remaining watchers of each channel that a closed connection stopped watching.
   * @param watchedCids the cids the connection watched, as returned by the registry.
   */
  connectionClosed(session: ClientSession, watchedCids: string[]): void {
    for (const cid of watchedCids) {
      const channel = this.context.store.getChannel(cid);
      if (
        channel &&
        (session.anonymous || !this.context.sessions.isWatching(session.userId, cid))
      ) {
        this.announce(channel, session, 'user.watching.stop');
      }
    }
  }

  private announce(channel: ChannelRecord, session: ClientSession, type: string): void {
    if (session.anonymous || !findChannelType(channel.type)?.connectEvents) {
      return;
    }
    const event = {
      type,
      ...channelEventBase(channel),
      user: userResponse(this.context, session.userId),
      watcher_count: this.context.sessions.watcherCount(channel.cid),
      created_at: this.context.store.clock.next(),
    };
    const json = JSON.stringify(event);
    for (const watcher of this.context.sessions.watchersOf(channel.cid)) {
      watcher.sendJson(json);
    }
  }
}
