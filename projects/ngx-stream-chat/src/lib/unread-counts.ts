import type { Channel } from 'stream-chat';

/** Where the counts are read from: the listed channels and the active one. */
export interface CountedChannels {
  /** The listed channels, in order. */
  readonly channels: Channel[];
  /** Increases whenever a channel joins or leaves the list. */
  readonly membership: number;
  /** The active channel, counted whether or not it is listed. */
  readonly active: Channel | undefined;
  /** The listed or active channel with this cid, if any. */
  find(cid: string): Channel | undefined;
}

/**
 * Unread messages per `cid`, recounted only where something happened. Every client event is noted:
 * one about a channel marks that channel for a recount, one about no channel in particular (a
 * user update, mark-all-read, mutes) marks every channel. A change of the listed channels or of the
 * active one, or `recountAll()`, recounts everything. The record keeps its identity while no
 * count changes.
 */
export class UnreadCounts {
  private counts: Readonly<Record<string, number>> = {};
  /** Cids to recount, or `'all'`. */
  private stale: Set<string> | 'all' = 'all';
  private countedMembership = -1;
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

  /** The counts for the listed channels and the active one; the previous record when none changed. */
  current(from: CountedChannels): Readonly<Record<string, number>> {
    if (
      this.stale === 'all' ||
      from.membership !== this.countedMembership ||
      from.active !== this.countedActive
    ) {
      this.countAll(from);
    } else {
      this.countStale(from, this.stale);
    }
    this.stale = new Set();
    this.countedMembership = from.membership;
    this.countedActive = from.active;
    return this.counts;
  }

  private countAll(from: CountedChannels): void {
    const next: Record<string, number> = {};
    for (const channel of from.channels) next[channel.cid] = channel.countUnread();
    if (from.active) next[from.active.cid] = from.active.countUnread();
    const keys = Object.keys(next);
    const same =
      keys.length === Object.keys(this.counts).length &&
      keys.every((cid) => this.counts[cid] === next[cid]);
    if (!same) this.counts = next;
  }

  private countStale(from: CountedChannels, stale: Set<string>): void {
    let next: Record<string, number> | undefined;
    for (const cid of stale) {
      const channel = from.find(cid);
      const count = channel?.countUnread();
      if (count !== undefined && count !== this.counts[cid]) {
        next ??= { ...this.counts };
        next[cid] = count;
      }
    }
    if (next) this.counts = next;
  }
}
