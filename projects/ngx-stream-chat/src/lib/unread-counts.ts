import type { Channel } from 'stream-chat';

/** Where the counts are read from: the listed channels and the active one. */
export interface CountedChannels {
  /** The listed channels, in order. */
  readonly channels: Channel[];
  /** Changes (by identity) whenever a channel joins or leaves the list. */
  readonly membership: unknown;
  /** The active channel, counted whether or not it is listed. */
  readonly active: Channel | undefined;
  /** The listed or active channel with this cid, if any. */
  find(cid: string): Channel | undefined;
}

/**
 * Unread counts as `ChannelService` publishes them. A new view is published whenever a count
 * changes, so a change of identity says that counts changed; `get()` reads the latest counts.
 */
export interface UnreadCountsView {
  /** Unread messages in the listed or active channel with this cid; 0 for any other channel. */
  get(cid: string): number;
}

/** The view when no channels are listed. */
export const NO_UNREAD_COUNTS: UnreadCountsView = Object.freeze({ get: () => 0 });

/**
 * Unread messages per `cid`, recounted only where something happened. Every client event is noted:
 * one about a channel marks that channel for a recount, one about no channel in particular (a
 * user update, mark-all-read, mutes) marks every channel. A change of the listed channels or of the
 * active one, or `recountAll()`, recounts everything. Counts are kept in place (no copy of every
 * channel's count per update); the published view changes only when a count does.
 */
export class UnreadCounts {
  private readonly counts = new Map<string, number>();
  private view: UnreadCountsView = this.newView();
  /** Cids to recount, or `'all'`. */
  private stale: Set<string> | 'all' = 'all';
  private countedMembership: unknown = {};
  private countedActive: Channel | undefined;

  /** Notes a client event: its channel, or every channel when it names none, needs a recount. */
  noteEvent(cid: string | undefined): void {
    if (this.stale === 'all') {
      return;
    }
    if (cid === undefined) {
      this.stale = 'all';
    } else {
      this.stale.add(cid);
    }
  }

  /** Makes the next read recount every channel (after a command changed state without an event). */
  recountAll(): void {
    this.stale = 'all';
  }

  /** The counts for the listed channels and the active one; the previous view when none changed. */
  current(from: CountedChannels): UnreadCountsView {
    const changed =
      this.stale === 'all' ||
      from.membership !== this.countedMembership ||
      from.active !== this.countedActive
        ? this.countAll(from)
        : this.countStale(from, this.stale);
    if (changed) {
      this.view = this.newView();
    }
    this.stale = new Set();
    this.countedMembership = from.membership;
    this.countedActive = from.active;
    return this.view;
  }

  private countAll(from: CountedChannels): boolean {
    const counted = new Set<string>();
    let changed = false;
    for (const channel of from.active ? [...from.channels, from.active] : from.channels) {
      counted.add(channel.cid);
      changed = this.store(channel) || changed;
    }
    for (const cid of this.counts.keys()) {
      if (!counted.has(cid)) {
        this.counts.delete(cid);
        changed = true;
      }
    }
    return changed;
  }

  private countStale(from: CountedChannels, stale: Set<string>): boolean {
    let changed = false;
    for (const cid of stale) {
      const channel = from.find(cid);
      changed = (channel !== undefined && this.store(channel)) || changed;
    }
    return changed;
  }

  /** Stores the channel's count; whether it differs from the one stored before. */
  private store(channel: Channel): boolean {
    const count = channel.countUnread();
    if (this.counts.get(channel.cid) === count) {
      return false;
    }
    this.counts.set(channel.cid, count);
    return true;
  }

  private newView(): UnreadCountsView {
    const counts = this.counts;
    return { get: (cid) => counts.get(cid) ?? 0 };
  }
}
