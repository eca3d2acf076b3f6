import { ChannelRecord, MessageRecord } from './model';
import { OrderedMessages } from './ordered-messages';
import { isShownInChannel } from './message-visibility';

/**
 * A channel's messages indexed for paging: every message, the main-list (shown) messages and
 * each thread's replies, all oldest first, plus the messages by id. Paging, `id_around`,
 * `created_at_*` bounds and replies cost O(log n + page size); a hard delete is O(1) plus
 * the thread's replies (tombstones, compacted lazily).
 *
 * The index owns the channel's `messages` array: once a channel is indexed, reading
 * `channel.messages` gives the live messages (the index's own array, compacted first: do not
 * mutate it) and assigning it re-indexes the channel.
 */
export class MessageIndex {
  /** Every message (thread replies included), oldest first. */
  all!: OrderedMessages;
  /** Main-list messages (no thread-only replies), oldest first. */
  shown!: OrderedMessages;
  private replies = new Map<string, OrderedMessages>();
  private byId = new Map<string, MessageRecord>();

  /** @param messages the channel's messages, oldest first. */
  constructor(messages: MessageRecord[]) {
    this.reset(messages);
  }

  /** Re-indexes from scratch (the channel's messages were replaced). */
  reset(messages: MessageRecord[]): void {
    this.all = new OrderedMessages(messages);
    this.shown = new OrderedMessages(messages.filter(isShownInChannel));
    this.replies = new Map();
    this.byId = new Map();
    for (const message of messages) {
      this.indexOther(message);
    }
  }

  /** Indexes a message newer than every other one of the channel. */
  add(message: MessageRecord): void {
    this.all.append(message);
    if (isShownInChannel(message)) {
      this.shown.append(message);
    }
    this.indexOther(message);
  }

  /** Removes a message from every list (its thread's reply list goes with a parent). */
  remove(message: MessageRecord): void {
    if (this.byId.get(message.id) !== message) {
      return;
    }
    this.byId.delete(message.id);
    this.all.remove(message);
    if (isShownInChannel(message)) {
      this.shown.remove(message);
    }
    if (message.parentId) {
      this.replies.get(message.parentId)?.remove(message);
    }
    this.replies.delete(message.id);
  }

  /** The channel's message with this id, or `undefined`. */
  get(id: string): MessageRecord | undefined {
    return this.byId.get(id);
  }

  /** A thread's replies (soft-deleted ones included), or `undefined` when it never had any. */
  repliesOf(parentId: string): OrderedMessages | undefined {
    return this.replies.get(parentId);
  }

  /** The ids of the messages that have (or had) replies, in first-reply order. */
  threadParentIds(): string[] {
    return [...this.replies.keys()];
  }

  private indexOther(message: MessageRecord): void {
    this.byId.set(message.id, message);
    if (message.parentId) {
      let thread = this.replies.get(message.parentId);
      if (!thread) {
        thread = new OrderedMessages();
        this.replies.set(message.parentId, thread);
      }
      thread.append(message);
    }
  }
}

const indexes = new WeakMap<ChannelRecord, MessageIndex>();

/**
 * The channel's message index, built on first use. Building it makes the index the owner
 * of `channel.messages` (an accessor: reading gives the live messages, assigning re-indexes).
 */
export function messageIndexOf(channel: ChannelRecord): MessageIndex {
  let index = indexes.get(channel);
  if (!index) {
    const built = new MessageIndex(channel.messages);
    Object.defineProperty(channel, 'messages', {
      configurable: true,
      enumerable: true,
      get: (): MessageRecord[] => built.all.live(),
      set: (messages: MessageRecord[]): void => built.reset(messages),
    });
    indexes.set(channel, built);
    index = built;
  }
  return index;
}
