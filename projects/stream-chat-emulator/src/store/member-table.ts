import type { RemovedRecords } from './slices';

/**
 * Per-member values of a feature slice (an invitation, a pin, a hidden flag...), by channel
 * cid then user id, that follow the channel and its members: {@link dropRemoved} forgets
 * what belonged to a deleted channel or to members who left.
 */
export class MemberTable<Value> {
  private readonly byChannel = new Map<string, Map<string, Value>>();

  /** The member's value, or `undefined` when it has none. */
  get(cid: string, userId: string): Value | undefined {
    return this.byChannel.get(cid)?.get(userId);
  }

  /** The values stored for a channel's members, as `[userId, value]`. */
  ofChannel(cid: string): [string, Value][] {
    return [...(this.byChannel.get(cid) ?? [])];
  }

  /** Stores the member's value. */
  put(cid: string, userId: string, value: Value): void {
    let members = this.byChannel.get(cid);
    if (!members) {
      members = new Map();
      this.byChannel.set(cid, members);
    }
    members.set(userId, value);
  }

  /** The member's value, stored first as `create()` makes it when missing. */
  ensure(cid: string, userId: string, create: () => Value): Value {
    const existing = this.get(cid, userId);
    if (existing !== undefined) {
      return existing;
    }
    const value = create();
    this.put(cid, userId, value);
    return value;
  }

  /** Forgets the member's value. */
  delete(cid: string, userId: string): void {
    const members = this.byChannel.get(cid);
    members?.delete(userId);
    if (members?.size === 0) {
      this.byChannel.delete(cid);
    }
  }

  /** Forgets the values of a deleted channel, and of members who left a channel. */
  dropRemoved(removed: RemovedRecords): void {
    if (removed.channelCid) {
      this.byChannel.delete(removed.channelCid);
    }
    for (const userId of removed.members?.userIds ?? []) {
      this.delete(removed.members?.cid ?? '', userId);
    }
  }

  /** Every stored value with its channel and user. */
  entries(): { cid: string; userId: string; value: Value }[] {
    return [...this.byChannel].flatMap(([cid, members]) =>
      [...members].map(([userId, value]) => ({ cid, userId, value })),
    );
  }
}
