import { EnvironmentProviders, Injectable, inject, makeEnvironmentProviders } from '@angular/core';
import {
  AttachmentUpload,
  ChannelService,
  ChatAppSettings,
  ChatClientService,
  ChatMessage,
  ChatUser,
  ConnectionState,
  StreamChatError,
} from 'ngx-stream-chat';
import type { Channel, StreamChat, Event as StreamEvent, UserResponse } from 'stream-chat';
import { FakeCall, serverRefusedError } from './fake-calls';
import { FakeChatBackend } from './fake-chat-backend';
import { ChannelMethod, FakeChannelService } from './fake-channel.service';
import { ChatClientMethod, FakeChatClientService } from './fake-chat-client.service';
import { fakeUser } from './fake-data';

/** A user to connect: an id, or a user with an id and any other fields. */
export type FakeUserInput = string | (Partial<ChatUser> & Pick<UserResponse, 'id'>);

/** Options of `fakes.client.connectAs()`. */
export interface FakeConnectOptions {
  /**
   * The `stream-chat` client `chatClient` returns while the user is connected, such as one whose
   * network calls a test stubs, for a real `ChannelService` (see
   * `StreamChatFakesOptions.fakeChannelService`); an offline client by default.
   */
  client?: StreamChat;
}

/** Drives the fake `ChatClientService`: who is connected, the connection, events, failures. */
export class FakeClientControls {
  /** @param backend the fakes' state. */
  constructor(private readonly backend: FakeChatBackend) {}

  /**
   * Connects `user` (an id or a user) as if `init()` had resolved; `init()` is not recorded.
   * `chatClient` then returns `options.client`, or an offline client with this user.
   */
  connectAs(user: FakeUserInput, options: FakeConnectOptions = {}): ChatUser {
    const connected = fakeUser(typeof user === 'string' ? { id: user } : user);
    this.backend.connect(connected, options.client);
    return connected;
  }

  /** Disconnects the user, as a `disconnectUser()` would; the channel state resets. */
  disconnect(): void {
    this.backend.disconnect();
  }

  /** Sets `connectionState$`, e.g. `'offline'` to show an outage. */
  setConnectionState(state: ConnectionState): void {
    this.backend.client.patch({ connectionState: state });
  }

  /** Changes fields of the connected user, as a `user.updated` or unread event would. */
  updateUser(changes: Partial<ChatUser>): void {
    const user = this.backend.client.value.user;
    if (!user)
      throw new StreamChatError('invalid-input', 'updateUser() needs a connected user (fake).');
    this.backend.client.patch({ user: { ...user, ...changes } });
  }

  /** Delivers `event` on `events$`. */
  emit(event: StreamEvent): void {
    this.backend.events.next(event);
  }

  /** The settings `getAppSettings()` loads. */
  setAppSettings(settings: ChatAppSettings): void {
    this.backend.serverAppSettings = settings;
  }

  /** Sets `pendingInvites$`. */
  setPendingInvites(channels: Channel[]): void {
    this.backend.client.patch({ pendingInvites: channels });
  }

  /** The users `autocompleteUsers()` searches. */
  setUsers(users: UserResponse[]): void {
    this.backend.users = users;
  }

  /** The arguments of each call of `method` so far, oldest first. */
  calls(method: ChatClientMethod): (readonly unknown[])[] {
    return this.backend.calls.argsOf('ChatClientService', method);
  }

  /**
   * Holds the next call of `method` where the real service waits for the server (`init()` shows
   * `'connecting'` meanwhile), until the returned function is called.
   */
  holdNext(method: ChatClientMethod): () => void {
    return this.backend.calls.holdNext('ChatClientService', method);
  }

  /** Makes the next call of `method` fail with `error` (a server error by default). */
  failNext(method: ChatClientMethod, error?: StreamChatError): void {
    this.backend.calls.failNext(
      'ChatClientService',
      method,
      error ?? serverRefusedError(`ChatClientService.${method}()`),
    );
  }
}

/** Options of `fakes.channels.set()`. */
export interface FakeChannelListOptions {
  /** What `hasMoreChannels` says; `false` by default. */
  hasMore?: boolean;
}

/** What `fakes.channels.setPaging()` sets: whether more can be loaded, per list. */
export interface FakePaging {
  /** `hasMoreChannels`. */
  hasMoreChannels?: boolean;
  /** `hasMoreMessages`: older messages of the active channel. */
  hasMoreMessages?: boolean;
  /** `hasMoreNewerMessages`: newer messages of the active channel (after a jump). */
  hasMoreNewerMessages?: boolean;
  /** `hasMoreThreadReplies`: older replies of the open thread. */
  hasMoreThreadReplies?: boolean;
}

/** Options of `fakes.channels.queueNextPage()` and `fakes.messages.queuePage()`. */
export interface FakePageOptions {
  /** Whether another page follows this one; `false` by default. */
  hasMore?: boolean;
}

/** Drives the fake `ChannelService`'s list: the channels, unread counts, typing, failures. */
export class FakeChannelControls {
  /** @param backend the fakes' state. */
  constructor(private readonly backend: FakeChatBackend) {}

  /**
   * Sets the channel list: published on `channels$` at once (as after `init()`), and what the
   * next `init()` lists.
   */
  set(channels: Channel[], options: FakeChannelListOptions = {}): void {
    this.backend.updateChannels({
      serverChannels: channels,
      channels,
      hasMoreChannels: options.hasMore ?? false,
      channelQueryState: { state: 'success' },
    });
  }

  /** Queues the page the next `loadMoreChannels()` appends. */
  queueNextPage(channels: Channel[], options: FakePageOptions = {}): void {
    this.backend.queuePage('channels', { items: channels, hasMore: options.hasMore ?? false });
  }

  /**
   * Sets whether more can be loaded (`setAsActiveChannel()` sets the message flags back to
   * `false`, so set them after it); a `loadMore…()` call then loads the page queued for it.
   */
  setPaging(paging: FakePaging): void {
    this.backend.updateChannels(paging);
  }

  /** Sets a channel's unread count (`unreadCount$()`). */
  setUnreadCount(channel: Channel, count: number): void {
    this.backend.setUnread(channel.cid, count);
  }

  /** Sets who else is typing in the active channel, or in the open thread with `inThread`. */
  setTyping(users: UserResponse[], inThread = false): void {
    this.backend.updateChannels(
      inThread ? { usersTypingInThread: users } : { usersTypingInChannel: users },
    );
  }

  /**
   * Sets the composer's uploads (`attachmentUploads$`) as they stand, e.g. one `'uploading'` with
   * `progress: 0.4`, or one with `state: 'error'` to show a failed file (`setAsActiveChannel()`
   * clears them, so set them after it).
   */
  setUploads(uploads: AttachmentUpload[]): void {
    this.backend.updateChannels({ attachmentUploads: uploads });
  }

  /** The arguments of each call of `method` so far, oldest first. */
  calls(method: ChannelMethod): (readonly unknown[])[] {
    return this.backend.calls.argsOf('ChannelService', method);
  }

  /**
   * Holds the next call of `method` where the real service waits for the server, until the
   * returned function is called: meanwhile a sent message shows `'sending'`, `init()`'s query
   * `'in-progress'`, `setAsActiveChannel()`'s switch `'start'`.
   */
  holdNext(method: ChannelMethod): () => void {
    return this.backend.calls.holdNext('ChannelService', method);
  }

  /**
   * Makes the next call of `method` fail with `error` (a server error by default): it rejects,
   * or, for `sendMessage` and `resendMessage`, lists the message `'failed'` with it.
   */
  failNext(method: ChannelMethod, error?: StreamChatError): void {
    this.backend.calls.failNext(
      'ChannelService',
      method,
      error ?? serverRefusedError(`ChannelService.${method}()`),
    );
  }
}

/** Options of `fakes.messages.set()` and `fakes.messages.receive()`. */
export interface FakeMessageOptions {
  /** The channel; the active one by default. */
  channel?: Channel;
}

/** Options of `fakes.messages.queuePage()`. */
export interface FakeMessagePageOptions extends FakeMessageOptions, FakePageOptions {
  /** Which page: `'older'` (default) or `'newer'` messages of the channel. */
  direction?: 'older' | 'newer';
  /** The thread's parent message, for a page of older replies (`loadMoreThreadReplies()`). */
  parentId?: string;
}

/** Drives the messages the fakes hold per channel. */
export class FakeMessageControls {
  /** @param backend the fakes' state. */
  constructor(private readonly backend: FakeChatBackend) {}

  /** Sets a channel's messages and thread replies, oldest first. */
  set(messages: ChatMessage[], options: FakeMessageOptions = {}): void {
    this.backend.setMessages(this.cid(options, 'set()'), messages);
  }

  /**
   * A message arrives, as from another user: appended to its channel (a reply joins its thread
   * and raises the parent's `reply_count`). Unless it is the connected user's, or the channel is
   * active and being marked read (`shouldMarkActiveChannelAsRead`, not marked unread since), the
   * channel's unread count rises by one.
   */
  receive(message: ChatMessage, options: FakeMessageOptions = {}): void {
    const cid = this.cid(options, 'receive()');
    const arrived = { ...message, cid };
    this.backend.setMessages(cid, [...this.backend.messagesOf(cid), arrived]);
    if (message.parent_id) {
      this.backend.changeMessage(cid, message.parent_id, (parent) => ({
        ...parent,
        reply_count: (parent.reply_count ?? 0) + 1,
      }));
    }
    const state = this.backend.channels.value;
    const own = message.user?.id === this.backend.client.value.user?.id;
    const { markActiveChannelAsRead, markedUnread } = this.backend.readMode;
    const read = state.activeChannel?.cid === cid && markActiveChannelAsRead && !markedUnread;
    if (!own && !read) {
      this.backend.setUnread(cid, (state.unreadCounts[cid] ?? 0) + 1);
    }
  }

  /** Replaces a message (by id), as an edit, a reaction or a deletion by someone else would. */
  update(message: ChatMessage, options: FakeMessageOptions = {}): void {
    this.backend.changeMessage(this.cid(options, 'update()'), message.id, () => message);
  }

  /**
   * Queues the page of messages (oldest first) the next `loadMoreMessages(direction)` in the
   * channel loads, or, with `parentId`, the next `loadMoreThreadReplies()` in that thread.
   */
  queuePage(messages: ChatMessage[], options: FakeMessagePageOptions = {}): void {
    const page = { items: messages, hasMore: options.hasMore ?? false };
    if (options.parentId) {
      this.backend.queuePage(`replies:${options.parentId}`, page);
    } else {
      this.backend.queuePage(
        `${options.direction ?? 'older'}:${this.cid(options, 'queuePage()')}`,
        page,
      );
    }
  }

  /** The messages the fakes hold for a channel (the active one by default), oldest first. */
  of(options: FakeMessageOptions = {}): ChatMessage[] {
    return this.backend.messagesOf(this.cid(options, 'of()'));
  }

  private cid(options: FakeMessageOptions, call: string): string {
    const cid = options.channel?.cid ?? this.backend.channels.value.activeChannel?.cid;
    if (!cid) {
      throw new StreamChatError(
        'invalid-input',
        `fakes.messages.${call} needs a channel: pass { channel } or make one active first.`,
      );
    }
    return cid;
  }
}

/**
 * The handle tests drive the fakes with: `client`, `channels` and `messages` change the state the
 * fake services publish, `calls` lists what the app called. Inject it in a test:
 * `TestBed.inject(StreamChatFakes)`.
 */
@Injectable()
export class StreamChatFakes {
  private readonly backend = inject(FakeChatBackend);
  /** Drives the fake `ChatClientService`. */
  readonly client = new FakeClientControls(this.backend);
  /** Drives the fake `ChannelService`'s channel list. */
  readonly channels = new FakeChannelControls(this.backend);
  /** Drives the messages. */
  readonly messages = new FakeMessageControls(this.backend);
  /** The fake `ChatClientService` the app injects. */
  readonly chatClientService = inject(FakeChatClientService);
  /** The fake `ChannelService` the app injects. */
  readonly channelService = inject(FakeChannelService);

  /** Every call the app made to either fake, oldest first. */
  get calls(): readonly FakeCall[] {
    return this.backend.calls.all;
  }

  /** Forgets the calls made so far. */
  clearCalls(): void {
    this.backend.calls.clear();
  }
}

/** Options of `provideStreamChatFakes()`. */
export interface StreamChatFakesOptions {
  /** A user connected from the start, as after `init()`. */
  user?: FakeUserInput;
  /** Channels listed from the start, as after `ChannelService.init()`. */
  channels?: Channel[];
  /**
   * Whether `ChannelService` is faked too; `true` by default. With `false`, the app gets the real
   * `ChannelService` over the fake `ChatClientService` (connect with `fakes.client.connectAs(user,
   * { client })` to give it a `stream-chat` client), and `fakes.channels` / `fakes.messages` have
   * no effect on it.
   */
  fakeChannelService?: boolean;
}

/**
 * Replaces `ChatClientService` and `ChannelService` with in-memory fakes, for unit tests that
 * need no emulator; drive them with `TestBed.inject(StreamChatFakes)`. Use
 * `provideStreamChatTesting()` for tests against the emulator instead.
 *
 * @example
 * TestBed.configureTestingModule({ providers: [provideStreamChatFakes({ user: 'alice' })] });
 * const fakes = TestBed.inject(StreamChatFakes);
 * fakes.channels.set([fakeChannel('general')]);
 */
export function provideStreamChatFakes(options: StreamChatFakesOptions = {}): EnvironmentProviders {
  return makeEnvironmentProviders([
    FakeChatClientService,
    FakeChannelService,
    StreamChatFakes,
    { provide: ChatClientService, useExisting: FakeChatClientService },
    options.fakeChannelService === false
      ? []
      : { provide: ChannelService, useExisting: FakeChannelService },
    {
      provide: FakeChatBackend,
      useFactory: () => {
        const backend = new FakeChatBackend();
        if (options.user !== undefined) {
          new FakeClientControls(backend).connectAs(options.user);
        }
        if (options.channels) new FakeChannelControls(backend).set(options.channels);
        return backend;
      },
    },
  ]);
}
