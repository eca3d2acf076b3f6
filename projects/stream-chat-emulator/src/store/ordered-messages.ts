import { MessageRecord } from './model';

/** Decides whether a message takes part in a walk (e.g. a caller's hidden history is skipped). */
export type MessageTest = (message: MessageRecord) => boolean;

/** Tombstones above this count (and above half the list) trigger a compaction. */
const COMPACTION_FLOOR = 64;

/**
 * Messages in creation order (oldest first) with their creation times as numbers, so time
 * bounds are found by binary search. Removal leaves a tombstone (O(1)); the list is compacted
 * when tombstones outnumber live messages, or when the whole list is read.
 */
export class OrderedMessages {
  private records: MessageRecord[];
  private times: number[];
  private readonly dead = new Set<MessageRecord>();

  /** @param messages oldest first (times never decrease). */
  constructor(messages: MessageRecord[] = []) {
    this.records = messages;
    this.times = messages.map(timeOf);
  }

  /** How many live messages the list holds. */
  get size(): number {
    return this.records.length - this.dead.size;
  }

  /** Appends a message newer than (or as new as) every other one. */
  append(message: MessageRecord): void {
    this.records.push(message);
    this.times.push(timeOf(message));
  }

  /** Removes a message (a tombstone until the next compaction). */
  remove(message: MessageRecord): void {
    this.dead.add(message);
    if (this.dead.size > COMPACTION_FLOOR && this.dead.size > this.records.length / 2) {
      this.compact();
    }
  }

  /** Whether the message is a live entry of this list (O(log n)). */
  has(message: MessageRecord): boolean {
    return this.positionOf(message) >= 0;
  }

  /** The live messages, oldest first; the list's own array (compacted first), not a copy. */
  live(): MessageRecord[] {
    if (this.dead.size > 0) {
      this.compact();
    }
    return this.records;
  }

  /** The newest live message that passes `accept`, if any. */
  newest(accept: MessageTest = always): MessageRecord | undefined {
    return this.walk(this.records.length - 1, -1, 1, this.records.length, accept)[0];
  }

  /** Position of a live message in the (uncompacted) list, or -1. */
  positionOf(message: MessageRecord): number {
    if (this.dead.has(message)) {
      return -1;
    }
    const time = timeOf(message);
    for (let index = this.firstAtOrAfter(time); index < this.records.length; index++) {
      if (this.records[index] === message) {
        return index;
      }
      if (this.times[index] !== time) {
        break;
      }
    }
    return -1;
  }

  /** The first position whose time is `>= time` (the list's length when none). */
  firstAtOrAfter(time: number): number {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.times[middle] < time) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** The first position whose time is `> time` (the list's length when none). */
  firstAfter(time: number): number {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.times[middle] <= time) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** The (uncompacted) list's length, tombstones included: the end for walks. */
  get end(): number {
    return this.records.length;
  }

  /**
   * Collects up to `limit` live messages that pass `accept`, starting at position `from`
   * and moving by `step` (1 newer, -1 older), staying within `[lower, upper)`.
   * @returns the messages in walking order.
   */
  walk(
    from: number,
    step: 1 | -1,
    limit: number,
    upper: number,
    accept: MessageTest = always,
    lower = 0,
  ): MessageRecord[] {
    const found: MessageRecord[] = [];
    for (let index = from; found.length < limit && index >= lower && index < upper; index += step) {
      const message = this.records[index];
      if (!this.dead.has(message) && accept(message)) {
        found.push(message);
      }
    }
    return found;
  }

  private compact(): void {
    const records: MessageRecord[] = [];
    const times: number[] = [];
    for (let index = 0; index < this.records.length; index++) {
      if (!this.dead.has(this.records[index])) {
        records.push(this.records[index]);
        times.push(this.times[index]);
      }
    }
    this.records = records;
    this.times = times;
    this.dead.clear();
  }
}

/** A message's creation time in milliseconds. */
export function timeOf(message: MessageRecord): number {
  return Date.parse(message.createdAt);
}

function always(): boolean {
  return true;
}
