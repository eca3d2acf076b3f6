import { checkCustomDataSize } from '../protocol/json-limits';
import { MonotonicClock } from './clock';
import { messageIndexOf } from './message-index';
import {
  ChannelRecord,
  MemberRecord,
  MessageRecord,
  ReadState,
  UnreadSummary,
  toCid,
} from './model';
import {
  NEVER_READ,
  countsAsUnread,
  isShownInChannel,
  readStateBefore,
  readStateSince,
  readUpToLatest,
  tracksReadState,
} from './read-states';
import { AnySliceDefinition, RemovedRecords, SliceDefinition } from './slices';
import { StoreChanges } from './store-changes';
import { UserDirectory } from './user-directory';

/** What it takes to create a channel. */
export interface NewChannel {
  type: string;
  id: string;
  createdById?: string;
  data: Record<string, unknown>;
  memberIds: string[];
}

/** What it takes to store a message; the store fills in times and counters. */
export interface NewMessage {
  id: string;
  userId: string;
  text: string;
  type?: string;
  parentId?: string;
  showInChannel?: boolean;
  silent?: boolean;
  quotedMessageId?: string;
  mentionedUserIds?: string[];
  attachments?: unknown[];
  data?: Record<string, unknown>;
}

/**
 * The emulator's state: users, channels, members, messages and read state, with the
 * unread accounting of Stream. It knows nothing of connections or events; the callers
 * in `http/` and `fanout/` decide who is told what.
 */
export class ChatStore {
  /** Issues strictly increasing timestamps. */
  readonly clock = new MonotonicClock();
  /** The app's users. */
  readonly users: UserDirectory;
  /** What changed since the data file last saved it (records are marked as they change). */
  readonly changes = new StoreChanges();
  private readonly channels = new Map<string, ChannelRecord>();
  private readonly messagesById = new Map<string, MessageRecord>();
  private readonly channelsByMember = new Map<string, Set<string>>();
  private readonly listeners = new Set<() => void>();
  private readonly sliceDefinitions: AnySliceDefinition[] = [];
  private readonly sliceStates = new Map<AnySliceDefinition, unknown>();

  /** @param slices the feature slices this store holds beside users, channels and messages. */
  constructor(slices: readonly AnySliceDefinition[] = []) {
    this.users = new UserDirectory(this.clock, (userId) => {
      this.changes.user(userId);
      this.notifyChanged();
    });
    this.sliceDefinitions.push(...slices);
    this.createSlices();
  }

  /** The registered slice definitions, in registration order. */
  get slices(): readonly AnySliceDefinition[] {
    return this.sliceDefinitions;
  }

  /**
   * The state of a registered slice.
   * @throws Error when the slice is not registered with this store (a wiring mistake).
   */
  slice<State>(definition: SliceDefinition<State, never> | SliceDefinition<State>): State {
    if (!this.sliceStates.has(definition as AnySliceDefinition)) {
      throw new Error(`stream-chat-emulator: slice "${definition.name}" is not registered`);
    }
    return this.sliceStates.get(definition as AnySliceDefinition) as State;
  }

  /**
   * Tells the store that a slice changed its state (schedules persistence).
   * @param slice the slice that changed; without it, every persisted slice is compared with
   * what was saved (costs in proportion to all slice state).
   */
  changed(slice?: AnySliceDefinition): void {
    for (const definition of slice ? [slice] : this.sliceDefinitions) {
      this.changes.slice(definition);
    }
    this.notifyChanged();
  }

  /**
   * Registers a callback run after every change (used to persist the state).
   * @returns a function that removes the callback.
   */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The channel with this cid, or `undefined`. */
  getChannel(cid: string): ChannelRecord | undefined {
    return this.channels.get(cid);
  }

  /** All channels, in creation order. */
  listChannels(): ChannelRecord[] {
    return [...this.channels.values()];
  }

  /** The cids of the channels `userId` is a member of. */
  channelIdsOf(userId: string): string[] {
    return [...(this.channelsByMember.get(userId) ?? [])];
  }

  /** The message with this id, in any channel, or `undefined`. */
  getMessage(id: string): MessageRecord | undefined {
    return this.messagesById.get(id);
  }

  /**
   * Finds the channel of `type` whose members are exactly `memberIds`, for channels
   * addressed by members instead of id ("distinct" channels).
   */
  findChannelByMembers(type: string, memberIds: string[]): ChannelRecord | undefined {
    const wanted = [...new Set(memberIds)].sort().join(',');
    for (const channel of this.channels.values()) {
      if (channel.type === type && [...channel.members.keys()].sort().join(',') === wanted) {
        return channel;
      }
    }
    return undefined;
  }

  /** Creates a channel with its members. The caller checks that it does not exist yet. */
  createChannel(input: NewChannel): ChannelRecord {
    checkCustomDataSize('the channel', input.data);
    const now = this.clock.next();
    const channel: ChannelRecord = {
      type: input.type,
      id: input.id,
      cid: toCid(input.type, input.id),
      createdById: input.createdById,
      createdAt: now,
      updatedAt: now,
      data: { ...input.data },
      members: new Map(),
      messages: [],
    };
    this.channels.set(channel.cid, channel);
    this.changes.channel(channel.cid);
    messageIndexOf(channel);
    this.addMembers(channel, input.memberIds);
    this.notifyChanged();
    return channel;
  }

  /** Adds a fully formed channel (seed loading), indexing its members and messages. */
  putChannel(channel: ChannelRecord): void {
    this.channels.set(channel.cid, channel);
    this.changes.everything();
    messageIndexOf(channel);
    for (const userId of channel.members.keys()) {
      this.indexMember(userId, channel.cid);
    }
    for (const message of channel.messages) {
      this.messagesById.set(message.id, message);
      this.clock.advancePast(message.createdAt);
    }
    this.clock.advancePast(channel.updatedAt);
    this.notifyChanged();
  }

  /**
   * Adds members who are not members yet. New members have read everything so far.
   * @returns the members actually added.
   */
  addMembers(
    channel: ChannelRecord,
    userIds: string[],
    channelRole = 'channel_member',
  ): MemberRecord[] {
    const added: MemberRecord[] = [];
    for (const userId of new Set(userIds)) {
      if (channel.members.has(userId)) {
        continue;
      }
      const now = this.clock.next();
      const member: MemberRecord = {
        userId,
        channelRole,
        createdAt: now,
        updatedAt: now,
        read: readUpToLatest(channel, now),
      };
      channel.members.set(userId, member);
      this.indexMember(userId, channel.cid);
      this.changes.member(channel.cid, userId);
      added.push(member);
    }
    if (added.length > 0) {
      this.notifyChanged();
    }
    return added;
  }

  /** @returns the ids of the members actually removed. */
  removeMembers(channel: ChannelRecord, userIds: string[]): string[] {
    const removed: string[] = [];
    for (const userId of new Set(userIds)) {
      if (channel.members.delete(userId)) {
        this.channelsByMember.get(userId)?.delete(channel.cid);
        this.changes.member(channel.cid, userId);
        removed.push(userId);
      }
    }
    if (removed.length > 0) {
      this.notifyRemoved({ messageIds: [], members: { cid: channel.cid, userIds: removed } });
      this.notifyChanged();
    }
    return removed;
  }

  /**
   * Changes a member (its channel role, when given) and bumps its `updatedAt`.
   * @returns the member, or `undefined` when the user is not a member.
   */
  updateMember(
    channel: ChannelRecord,
    userId: string,
    changes: { channelRole?: string } = {},
  ): MemberRecord | undefined {
    const member = channel.members.get(userId);
    if (!member) {
      return undefined;
    }
    if (changes.channelRole !== undefined) {
      member.channelRole = changes.channelRole;
    }
    member.updatedAt = this.clock.next();
    this.changes.member(channel.cid, userId);
    this.notifyChanged();
    return member;
  }

  /** Sets and unsets custom channel fields. */
  updateChannelData(
    channel: ChannelRecord,
    set: Record<string, unknown>,
    unset: string[] = [],
  ): void {
    const data = { ...channel.data, ...set };
    for (const key of unset) {
      delete data[key];
    }
    checkCustomDataSize(`channel ${channel.cid}`, data);
    channel.data = data;
    channel.updatedAt = this.clock.next();
    this.changes.channel(channel.cid);
    this.notifyChanged();
  }

  /** Replaces all custom channel fields (`POST /channels/{type}/{id}` with `data`). */
  replaceChannelData(channel: ChannelRecord, data: Record<string, unknown>): void {
    checkCustomDataSize(`channel ${channel.cid}`, data);
    channel.data = { ...data };
    channel.updatedAt = this.clock.next();
    this.changes.channel(channel.cid);
    this.notifyChanged();
  }

  /** Deletes a channel with its messages. */
  deleteChannel(channel: ChannelRecord): void {
    this.channels.delete(channel.cid);
    this.changes.channel(channel.cid);
    for (const userId of channel.members.keys()) {
      this.channelsByMember.get(userId)?.delete(channel.cid);
      this.changes.member(channel.cid, userId);
    }
    for (const message of channel.messages) {
      this.messagesById.delete(message.id);
      this.changes.message(channel.cid, message.id);
    }
    this.notifyRemoved({
      channelCid: channel.cid,
      messageIds: channel.messages.map((message) => message.id),
    });
    this.notifyChanged();
  }

  /**
   * Stores a message and does the unread accounting: every other member's unread count
   * grows when the message counts as unread, and the sender has read up to it.
   * The caller checks that the id is free.
   */
  addMessage(channel: ChannelRecord, input: NewMessage): MessageRecord {
    checkCustomDataSize('the message', input.data ?? {});
    const now = this.clock.next();
    const message: MessageRecord = {
      id: input.id,
      cid: channel.cid,
      userId: input.userId,
      text: input.text,
      type: input.type ?? (input.parentId ? 'reply' : 'regular'),
      createdAt: now,
      updatedAt: now,
      parentId: input.parentId,
      showInChannel: input.showInChannel,
      silent: input.silent ?? false,
      quotedMessageId: input.quotedMessageId,
      mentionedUserIds: input.mentionedUserIds ?? [],
      attachments: input.attachments ?? [],
      replyCount: 0,
      threadParticipantIds: [],
      data: input.data ?? {},
    };
    messageIndexOf(channel).add(message);
    this.messagesById.set(message.id, message);
    this.changes.message(channel.cid, message.id);
    if (message.parentId) {
      const parent = this.messagesById.get(message.parentId);
      if (parent) {
        parent.replyCount++;
        if (!parent.threadParticipantIds.includes(message.userId)) {
          parent.threadParticipantIds.push(message.userId);
        }
      }
    }
    if (isShownInChannel(message)) {
      channel.lastMessageAt = now;
      for (const member of channel.members.values()) {
        if (member.userId === message.userId) {
          member.read = { lastRead: now, lastReadMessageId: message.id, unreadMessages: 0 };
          this.changes.member(channel.cid, member.userId);
        } else if (
          countsAsUnread(channel, message, member.userId) &&
          !this.unreadSuppressed(channel, message, member.userId)
        ) {
          member.read.unreadMessages++;
          this.changes.member(channel.cid, member.userId);
        }
      }
    }
    this.notifyChanged();
    return message;
  }

  /**
   * Replaces the editable parts of a message (text, attachments, mentions, custom data).
   */
  updateMessage(
    message: MessageRecord,
    changes: Partial<Pick<MessageRecord, 'text' | 'attachments' | 'mentionedUserIds' | 'data'>>,
  ): MessageRecord {
    if (changes.data) {
      checkCustomDataSize(`message ${message.id}`, changes.data);
    }
    Object.assign(message, changes);
    message.updatedAt = this.clock.next();
    this.changes.message(message.cid, message.id);
    this.notifyChanged();
    return message;
  }

  /**
   * Deletes a message: soft (type `deleted`, text emptied, kept in place) or hard (removed,
   * with its thread's replies, so no reply is left pointing at a parent that is gone).
   * Deleting a reply lowers its parent's `replyCount` (deleted replies are not counted).
   */
  deleteMessage(channel: ChannelRecord, message: MessageRecord, hard: boolean): MessageRecord {
    const now = this.clock.next();
    const parent = message.parentId ? this.messagesById.get(message.parentId) : undefined;
    if (parent && !message.deletedAt && parent.replyCount > 0) {
      parent.replyCount--;
    }
    if (hard) {
      const index = messageIndexOf(channel);
      const removed = [message, ...(index.repliesOf(message.id)?.live() ?? [])];
      removed.forEach((record) => index.remove(record));
      const messageIds = removed.map((record) => record.id);
      messageIds.forEach((id) => this.messagesById.delete(id));
      messageIds.forEach((id) => this.changes.message(channel.cid, id));
      this.notifyRemoved({ messageIds });
    } else {
      message.type = 'deleted';
      message.text = '';
      message.attachments = [];
      message.mentionedUserIds = [];
      message.deletedAt = now;
    }
    message.updatedAt = now;
    this.changes.message(channel.cid, message.id);
    this.notifyChanged();
    return message;
  }

  /**
   * Removes the channel's messages created before `before` (thread replies included)
   * and recounts every member's unread messages over what is left.
   * @returns the removed messages.
   */
  truncateChannel(channel: ChannelRecord, before: string): MessageRecord[] {
    const cutoff = Date.parse(before);
    const removed = channel.messages.filter((message) => Date.parse(message.createdAt) < cutoff);
    if (removed.length === 0) {
      return removed;
    }
    channel.messages = channel.messages.filter(
      (message) => Date.parse(message.createdAt) >= cutoff,
    );
    for (const message of removed) {
      this.messagesById.delete(message.id);
      this.changes.message(channel.cid, message.id);
    }
    for (const member of channel.members.values()) {
      this.changes.member(channel.cid, member.userId);
      const read = readStateSince(channel, member.read.lastRead, member.userId);
      member.read = {
        ...read,
        unreadMessages: Math.min(read.unreadMessages, member.read.unreadMessages),
      };
    }
    this.notifyRemoved({ messageIds: removed.map((message) => message.id) });
    this.notifyChanged();
    return removed;
  }

  /**
   * Marks the channel read for a member: `last_read` now, up to the newest message.
   * @returns the new read state, or `undefined` when the user is not a member.
   */
  markRead(channel: ChannelRecord, userId: string): ReadState | undefined {
    const member = channel.members.get(userId);
    if (!member) {
      return undefined;
    }
    member.read = readUpToLatest(channel, this.clock.next());
    this.changes.member(channel.cid, userId);
    this.notifyChanged();
    return member.read;
  }

  /**
   * Marks the channel unread from `messageId` on for a member.
   * @returns the new read state and the first unread message, or `undefined` when the
   * user is not a member or the message is not in the channel.
   */
  markUnread(
    channel: ChannelRecord,
    userId: string,
    messageId: string,
  ): { read: ReadState; firstUnread: MessageRecord } | undefined {
    const member = channel.members.get(userId);
    const result = member ? readStateBefore(channel, messageId, userId) : undefined;
    if (!member || !result) {
      return undefined;
    }
    member.read = result.read;
    this.changes.member(channel.cid, userId);
    this.notifyChanged();
    return result;
  }

  /** The user's unread figures over all their channels that keep read state. */
  unreadSummary(userId: string): UnreadSummary {
    let totalUnreadCount = 0;
    let unreadChannels = 0;
    for (const cid of this.channelsByMember.get(userId) ?? []) {
      const channel = this.channels.get(cid);
      const unread =
        channel && tracksReadState(channel)
          ? (channel.members.get(userId)?.read.unreadMessages ?? 0)
          : 0;
      totalUnreadCount += unread;
      unreadChannels += unread > 0 ? 1 : 0;
    }
    return { totalUnreadCount, unreadChannels };
  }

  /** The member's read state, or a never-read state for non-members. */
  readStateOf(channel: ChannelRecord, userId: string): ReadState {
    return channel.members.get(userId)?.read ?? { lastRead: NEVER_READ, unreadMessages: 0 };
  }

  /** Removes every user, channel and message. */
  clear(): void {
    this.users.clear();
    this.channels.clear();
    this.messagesById.clear();
    this.channelsByMember.clear();
    this.createSlices();
    this.changes.everything();
    this.notifyChanged();
  }

  private createSlices(): void {
    this.sliceStates.clear();
    for (const definition of this.sliceDefinitions) {
      this.sliceStates.set(definition, definition.create(this));
    }
  }

  private unreadSuppressed(
    channel: ChannelRecord,
    message: MessageRecord,
    readerId: string,
  ): boolean {
    for (const [definition, state] of this.sliceStates) {
      if (definition.suppressesUnread?.(state, channel, message, readerId)) {
        return true;
      }
    }
    return false;
  }

  private notifyRemoved(removed: RemovedRecords): void {
    for (const [definition, state] of this.sliceStates) {
      if (definition.onRemoved) {
        definition.onRemoved(state, removed, this);
        this.changes.slice(definition);
      }
    }
  }

  private indexMember(userId: string, cid: string): void {
    let cids = this.channelsByMember.get(userId);
    if (!cids) {
      cids = new Set();
      this.channelsByMember.set(userId, cids);
    }
    cids.add(cid);
  }

  private notifyChanged(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }
}
