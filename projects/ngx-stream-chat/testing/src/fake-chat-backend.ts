import { Injectable } from '@angular/core';
import type {
  AttachmentUpload,
  ChannelQueryState,
  ChatAppSettings,
  ChatMessage,
  ChatUser,
  ConnectionState,
  MessageJumpTarget,
} from 'ngx-stream-chat';
import { Subject } from 'rxjs';
import type { Channel, StreamChat, Event as StreamEvent, UserResponse } from 'stream-chat';
import { FakeCallLog } from './fake-calls';
import { offlineStreamChat } from './fake-data';
import { FakeState } from './fake-state';

/** What the fake `ChatClientService` publishes. */
export interface FakeClientState {
  /** The connected user; `undefined` while nobody is. */
  user: ChatUser | undefined;
  /** Where the connection stands. */
  connectionState: ConnectionState;
  /** The app settings `getAppSettings()` publishes; `undefined` until then. */
  appSettings: ChatAppSettings | undefined;
  /** The channels the user is invited to. */
  pendingInvites: Channel[];
}

/** What the fake `ChannelService` publishes, and the messages it holds per channel. */
export interface FakeChannelState {
  /** The channel list; `undefined` before `init()` or `fakes.channels.set()`. */
  channels: Channel[] | undefined;
  /** What `init()` lists: the channels of the last `fakes.channels.set()`. */
  serverChannels: Channel[];
  /** Whether more channels may be loaded. */
  hasMoreChannels: boolean;
  /** Where the latest channel query stands. */
  channelQueryState: ChannelQueryState | undefined;
  /** The active channel. */
  activeChannel: Channel | undefined;
  /** Every channel's messages and thread replies, oldest first, by cid. */
  messagesByCid: Readonly<Record<string, ChatMessage[]>>;
  /** The active channel's messages (derived from `messagesByCid`). */
  activeChannelMessages: ChatMessage[];
  /** Whether older messages may be loaded. */
  hasMoreMessages: boolean;
  /** Whether newer messages may be loaded. */
  hasMoreNewerMessages: boolean;
  /** The active channel's pinned messages (derived). */
  activeChannelPinnedMessages: ChatMessage[];
  /** Who else is typing in the active channel. */
  usersTypingInChannel: UserResponse[];
  /** Unread messages per cid. */
  unreadCounts: Readonly<Record<string, number>>;
  /** The message the composer quotes. */
  messageToQuote: ChatMessage | undefined;
  /** The open thread's parent id. */
  activeParentMessageId: string | undefined;
  /** The open thread's parent (derived). */
  activeParentMessage: ChatMessage | undefined;
  /** The open thread's replies (derived). */
  activeThreadMessages: ChatMessage[];
  /** Whether older replies may be loaded. */
  hasMoreThreadReplies: boolean;
  /** Who else is typing in the open thread. */
  usersTypingInThread: UserResponse[];
  /** The composer's uploads. */
  attachmentUploads: AttachmentUpload[];
  /** The last message read when the active channel was opened or marked unread. */
  activeChannelLastReadMessageId: string | undefined;
  /** The active channel's unread count then. */
  activeChannelUnreadCount: number | undefined;
  /** The jump target. */
  jumpToMessage: MessageJumpTarget;
  /** Whether the active channel is switching. */
  channelSwitchState: 'start' | 'end';
  /** When the user last sent a message, per cid. */
  latestMessageDateByUserByChannels: Record<string, Date>;
}

const NO_MESSAGES: ChatMessage[] = [];

/** The channel state before anything happened, and after `reset()` (but for the server's list). */
export const EMPTY_FAKE_CHANNEL_STATE: Readonly<FakeChannelState> = Object.freeze({
  channels: undefined,
  serverChannels: [],
  hasMoreChannels: false,
  channelQueryState: undefined,
  activeChannel: undefined,
  messagesByCid: {},
  activeChannelMessages: NO_MESSAGES,
  hasMoreMessages: false,
  hasMoreNewerMessages: false,
  activeChannelPinnedMessages: NO_MESSAGES,
  usersTypingInChannel: [],
  unreadCounts: {},
  messageToQuote: undefined,
  activeParentMessageId: undefined,
  activeParentMessage: undefined,
  activeThreadMessages: NO_MESSAGES,
  hasMoreThreadReplies: false,
  usersTypingInThread: [],
  attachmentUploads: [],
  activeChannelLastReadMessageId: undefined,
  activeChannelUnreadCount: undefined,
  jumpToMessage: {},
  channelSwitchState: 'end',
  latestMessageDateByUserByChannels: {},
});

/** Whether the active channel is marked read as messages arrive. */
export interface FakeReadMode {
  /** `ChannelService.shouldMarkActiveChannelAsRead`. */
  markActiveChannelAsRead: boolean;
  /** Whether `markMessageUnread()` marked the active channel unread (until another is active or the user sends). */
  markedUnread: boolean;
}

/** A page the next `loadMore…()` call loads. */
export interface FakePage<T> {
  /** The channels or messages of the page, oldest first for messages. */
  items: T[];
  /** Whether another page follows it. */
  hasMore: boolean;
}

/** The fields of `FakeChannelState` derived from the others, which `updateChannels()` derives itself. */
export type FakeChannelDerivedField =
  | 'activeChannelMessages'
  | 'activeChannelPinnedMessages'
  | 'activeParentMessage'
  | 'activeThreadMessages';

/**
 * The one in-memory state behind both fakes, the calls made to them and the failures asked for.
 * One per injector; `provideStreamChatFakes()` provides it.
 */
@Injectable()
export class FakeChatBackend {
  /** Calls made and failures asked for. */
  readonly calls = new FakeCallLog();
  /** The fake `ChatClientService`'s state. */
  readonly client = new FakeState<FakeClientState>({
    user: undefined,
    connectionState: 'disconnected',
    appSettings: undefined,
    pendingInvites: [],
  });
  /** The fake `ChannelService`'s state. */
  readonly channels = new FakeState<FakeChannelState>(EMPTY_FAKE_CHANNEL_STATE);
  /** The client's events, as `fakes.client.emit()` delivers them. */
  readonly events = new Subject<StreamEvent>();
  /** The app settings `getAppSettings()` loads; none until `fakes.client.setAppSettings()`. */
  serverAppSettings: ChatAppSettings | undefined;
  /** The users `autocompleteUsers()` searches. */
  users: UserResponse[] = [];
  /** Whether the active channel is marked read as messages arrive. */
  readonly readMode: FakeReadMode = { markActiveChannelAsRead: true, markedUnread: false };
  /** Pages queued for `loadMore…()` calls, by what they page (`'channels'`, `'older:<cid>'`...). */
  private readonly pages = new Map<string, FakePage<unknown>[]>();
  /** The `stream-chat` client `chatClient` returns while a user is connected. */
  streamChat: StreamChat | undefined;

  /** Applies `patch` to the channel state and derives the active channel's lists from it. */
  updateChannels(patch: Partial<Omit<FakeChannelState, FakeChannelDerivedField>>): void {
    const previous = this.channels.value;
    const next = { ...previous, ...patch };
    const messages = next.activeChannel
      ? (next.messagesByCid[next.activeChannel.cid] ?? NO_MESSAGES)
      : NO_MESSAGES;
    const previousMessages = previous.activeChannel
      ? (previous.messagesByCid[previous.activeChannel.cid] ?? NO_MESSAGES)
      : NO_MESSAGES;
    const derived: Partial<FakeChannelState> = {};
    if (messages !== previousMessages) {
      derived.activeChannelMessages = messages.filter(
        (message) => !message.parent_id || message.show_in_channel,
      );
      derived.activeChannelPinnedMessages = messages.filter((message) => message.pinned);
    }
    if (
      messages !== previousMessages ||
      next.activeParentMessageId !== previous.activeParentMessageId
    ) {
      const parentId = next.activeParentMessageId;
      derived.activeParentMessage = parentId
        ? messages.find((message) => message.id === parentId)
        : undefined;
      derived.activeThreadMessages = parentId
        ? messages.filter((message) => message.parent_id === parentId)
        : NO_MESSAGES;
    }
    this.channels.patch({ ...patch, ...derived });
  }

  /** The messages of channel `cid`, oldest first. */
  messagesOf(cid: string): ChatMessage[] {
    return this.channels.value.messagesByCid[cid] ?? NO_MESSAGES;
  }

  /** Replaces the messages of channel `cid`. */
  setMessages(cid: string, messages: ChatMessage[]): void {
    this.updateChannels({
      messagesByCid: { ...this.channels.value.messagesByCid, [cid]: messages },
    });
  }

  /** Replaces one message of channel `cid` (by id) with `change(message)`. */
  changeMessage(cid: string, id: string, change: (message: ChatMessage) => ChatMessage): void {
    this.setMessages(
      cid,
      this.messagesOf(cid).map((message) => (message.id === id ? change(message) : message)),
    );
  }

  /** Sets one channel's unread count. */
  setUnread(cid: string, count: number): void {
    this.updateChannels({ unreadCounts: { ...this.channels.value.unreadCounts, [cid]: count } });
  }

  /** Back to the empty channel state, keeping the server's list and the messages it holds. */
  resetChannels(): void {
    const { serverChannels, messagesByCid, unreadCounts } = this.channels.value;
    this.updateChannels({
      ...EMPTY_FAKE_CHANNEL_STATE,
      serverChannels,
      messagesByCid,
      unreadCounts,
    });
  }

  /**
   * Connects `user` at once, with `streamChat` as its client (an offline one by default); the
   * user connected before is disconnected first.
   */
  connect(user: ChatUser, streamChat?: StreamChat): void {
    if (this.client.value.user) this.disconnect();
    this.streamChat = streamChat ?? offlineStreamChat(user);
    this.client.patch({ user, connectionState: 'online' });
  }

  /** Disconnects at once; the channel state resets, as the real `ChannelService` does. */
  disconnect(): void {
    this.streamChat = undefined;
    this.client.patch({ user: undefined, connectionState: 'disconnected', pendingInvites: [] });
    this.resetChannels();
  }

  /** Queues a page for the `loadMore…()` call that pages `key`. */
  queuePage<T>(key: string, page: FakePage<T>): void {
    this.pages.set(key, [...(this.pages.get(key) ?? []), page]);
  }

  /** The next page queued for `key`, if any; used up. */
  takePage<T>(key: string): FakePage<T> | undefined {
    return this.pages.get(key)?.shift() as FakePage<T> | undefined;
  }
}
