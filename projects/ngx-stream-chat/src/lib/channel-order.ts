import type { Channel } from 'stream-chat';

/**
 * The order of a channel list, cheap to change event by event. Raising a channel to the top, or
 * noting that one changed, only records it; the next read of `channels` applies everything
 * recorded since the last read in one pass and returns a new array (an unchanged list keeps its
 * array). A storm of messages over many channels thus costs one copy of the list per read, not
 * one per message.
 */
export class ChannelOrder {
  private ordered: Channel[];
  private readonly byCid = new Map<string, Channel>();
  /** Cids raised since the last read, the latest last. */
  private readonly raised = new Set<string>();
  private changed = false;
  private membershipVersion = 0;

  constructor(channels: Channel[]) {
    this.ordered = channels;
    this.index();
  }

  /** The channels in order, with every recorded raise applied. */
  get channels(): Channel[] {
    if (this.raised.size > 0) {
      const top = [...this.raised].reverse().map((cid) => this.byCid.get(cid) as Channel);
      const raised = new Set(top);
      this.ordered = top.concat(this.ordered.filter((channel) => !raised.has(channel)));
      this.raised.clear();
    } else if (this.changed) {
      this.ordered = [...this.ordered];
    }
    this.changed = false;
    return this.ordered;
  }

  /** Increases whenever a channel joins or leaves the list (not when the order changes). */
  get membership(): number {
    return this.membershipVersion;
  }

  /** The listed channel with this cid, if any. */
  find(cid: string | undefined): Channel | undefined {
    return cid === undefined ? undefined : this.byCid.get(cid);
  }

  /** Records that the listed channel with this cid goes to the top; ignores unlisted cids. */
  raise(cid: string | undefined): void {
    if (cid !== undefined && this.byCid.has(cid)) {
      this.raised.delete(cid);
      this.raised.add(cid);
    }
  }

  /** Records that the listed channel with this cid looks different, so the list is new. */
  touch(cid: string | undefined): void {
    if (cid !== undefined && this.byCid.has(cid)) {
      this.changed = true;
    }
  }

  /** Replaces the whole list. */
  replace(channels: Channel[]): void {
    this.ordered = channels;
    this.raised.clear();
    this.changed = false;
    this.index();
  }

  private index(): void {
    this.byCid.clear();
    for (const channel of this.ordered) this.byCid.set(channel.cid, channel);
    this.membershipVersion++;
  }
}
