import {
  DestroyRef,
  ErrorHandler,
  Injectable,
  NgZone,
  PLATFORM_ID,
  Signal,
  computed,
  inject,
} from '@angular/core';
import { isPlatformServer } from '@angular/common';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { BehaviorSubject, Observable, distinctUntilChanged, map } from 'rxjs';
import type { Channel, ChannelFilters, ChannelSort, UserResponse } from 'stream-chat';
import { ChatClientService } from './chat-client.service';
import { queryChannelPage } from './channel-list';
import { ChannelListOptions, ChannelQueryState, toChannelQuery } from './channel-query';
import {
  ChannelServiceState,
  EMPTY_CHANNEL_SERVICE_STATE,
  stateChanged,
} from './channel-service-state';
import { ChannelSession, ChannelSessionHost } from './channel-session';
import type { ChatMessage, OutgoingMessage } from './chat-message';
import { FrameScheduler } from './frame-scheduler';
import {
  channelQuerySupersededError,
  channelsNotInitializedError,
  noActiveChannelError,
  notConnectedError,
  serverPlatformError,
} from './stream-chat-errors';
import { fromVendorError } from './vendor-error';

/**
 * The connected user's channel list, the active channel and its messages, kept live.
 *
 * Initialise the list once a user is connected, and reset it before switching users, as the
 * vendor's docs show; the service also resets itself when `ChatClientService` disconnects or
 * switches user, so nothing of the previous user remains. Calling `init()` again replaces the
 * list.
 *
 * Event-driven changes are published at most once per animation frame, so a burst of events
 * re-renders once. Works in zoneless and zone.js apps: the client runs outside Angular, and state
 * is published inside Angular through observables and their signal twins. Failures of work no
 * caller waits for (watching a channel the user was added to, marking read, catching up after a
 * reconnect) go to Angular's `ErrorHandler` as `StreamChatError`s. On the server platform, where
 * `ChatClientService` connects nobody, `init()` and `setAsActiveChannel()` resolve without doing
 * anything and the state stays empty; the service resets when its injector is destroyed.
 *
 * @example
 * ```ts
 * await chatService.init(apiKey, userId, tokenProvider);
 * await channelService.init({ type: 'messaging', members: { $in: [userId] } });
 * // template: @for (channel of channelService.channels(); track channel.cid) { ... }
 * await channelService.sendMessage('Hello!');
 * ```
 */
@Injectable({ providedIn: 'root' })
export class ChannelService {
  private readonly chat = inject(ChatClientService);
  private readonly zone = inject(NgZone);
  private readonly errorHandler = inject(ErrorHandler);
  private readonly isServer = isPlatformServer(inject(PLATFORM_ID));
  private readonly state = new BehaviorSubject<ChannelServiceState>(EMPTY_CHANNEL_SERVICE_STATE);
  private readonly frames = new FrameScheduler(this.zone, () => this.update({}, true));
  private session: ChannelSession | undefined;
  /** Increases with every `init()` and `reset()`: only the latest `init()` may install its list. */
  private latestInit = 0;
  /** The `init()` whose query is in flight, if any; it alone reports the query state meanwhile. */
  private initInFlight: number | undefined;
  private readonly unreadSignals = new Map<string, Signal<number>>();
  private readonly host: ChannelSessionHost = {
    zone: this.zone,
    scheduleUpdate: () => this.frames.schedule(),
    updateNow: () => this.update(),
    setQueryState: (channelQueryState) => {
      if (this.initInFlight === undefined) this.update({ channelQueryState });
    },
    reportError: (error) => this.errorHandler.handleError(error),
  };

  /**
   * The channels of the last `init()`, in order: newest activity first by default, with channels
   * moving to the top on new messages, and joining or leaving as the user is added, removed, or
   * channels are deleted (a channel the user is added to, or gets a message in, joins on top
   * whatever the filters: the server's filters cannot be evaluated here). `undefined` before
   * `init()` and after `reset()`; `[]` when nothing matches. Emits a new array whenever the list
   * or a listed channel changes.
   */
  readonly channels$: Observable<Channel[] | undefined> = this.select('channels');
  /** The same value as `channels$`, as a signal. */
  readonly channels: Signal<Channel[] | undefined> = toSignal(this.channels$, {
    requireSync: true,
  });

  /** Whether `loadMoreChannels()` may find more channels; `false` before `init()`. */
  readonly hasMoreChannels$: Observable<boolean> = this.select('hasMoreChannels');
  /** The same value as `hasMoreChannels$`, as a signal. */
  readonly hasMoreChannels: Signal<boolean> = toSignal(this.hasMoreChannels$, {
    requireSync: true,
  });

  /**
   * Where the latest channel query stands (`init()`, `loadMoreChannels()`, or the catch-up after
   * a reconnect): `{state: 'in-progress'}`, `{state: 'success'}`, or `{state: 'error', error}`
   * with a typed `StreamChatError`, in which case the list shown before is kept. `undefined`
   * before `init()` and after `reset()`.
   */
  readonly channelQueryState$: Observable<ChannelQueryState | undefined> =
    this.select('channelQueryState');
  /** The same value as `channelQueryState$`, as a signal. */
  readonly channelQueryState: Signal<ChannelQueryState | undefined> = toSignal(
    this.channelQueryState$,
    { requireSync: true },
  );

  /**
   * The channel whose messages are shown: the first channel after `init()` (unless
   * `activateFirstChannel: false`), then whichever `setAsActiveChannel()` selected. `undefined`
   * when none is, and after the channel is deleted or the user is removed from it.
   */
  readonly activeChannel$: Observable<Channel | undefined> = this.select('activeChannel');
  /** The same value as `activeChannel$`, as a signal. */
  readonly activeChannel: Signal<Channel | undefined> = toSignal(this.activeChannel$, {
    requireSync: true,
  });

  /**
   * The active channel's messages, oldest first, each with its `status`: messages being sent are
   * listed at once as `'sending'`, and failed ones stay listed as `'failed'` until resent.
   * `[]` when no channel is active.
   */
  readonly activeChannelMessages$: Observable<ChatMessage[]> = this.select('activeChannelMessages');
  /** The same value as `activeChannelMessages$`, as a signal. */
  readonly activeChannelMessages: Signal<ChatMessage[]> = toSignal(this.activeChannelMessages$, {
    requireSync: true,
  });

  /** Whether `loadMoreMessages()` may find older messages; `false` when no channel is active. */
  readonly hasMoreMessages$: Observable<boolean> = this.select('hasMoreMessages');
  /** The same value as `hasMoreMessages$`, as a signal. */
  readonly hasMoreMessages: Signal<boolean> = toSignal(this.hasMoreMessages$, {
    requireSync: true,
  });

  /**
   * The other users typing in the active channel (never the current user), in the order they
   * started; `[]` when nobody is, or no channel is active.
   */
  readonly usersTypingInChannel$: Observable<UserResponse[]> = this.select('usersTypingInChannel');
  /** The same value as `usersTypingInChannel$`, as a signal. */
  readonly usersTypingInChannel: Signal<UserResponse[]> = toSignal(this.usersTypingInChannel$, {
    requireSync: true,
  });

  private readonly unreadCounts = toSignal(this.select('unreadCounts'), { requireSync: true });

  constructor() {
    this.chat.user$.pipe(takeUntilDestroyed()).subscribe((user) => {
      const session = this.session;
      if (session && (user?.id !== session.userId || this.chat.chatClient !== session.client)) {
        this.reset();
      }
    });
    inject(DestroyRef).onDestroy(() => this.reset());
  }

  /**
   * Queries the connected user's channels, watches them (with presence, unless
   * `presence: false`), publishes them on `channels$`, makes the first one active (unless
   * `activateFirstChannel: false`) and resolves with them. Calling it again replaces the list and
   * its listeners once the new list has loaded; if the query fails, the current list stays.
   *
   * @param filters which channels, e.g. `{ type: 'messaging', members: { $in: [userId] } }`.
   * @param sort the order; newest activity first by default.
   * @param options page size (`limit`, 25), messages per channel (`message_limit`, 25), and more.
   * @throws StreamChatError `invalid-input` when no user is connected; the server's error (also
   * published on `channelQueryState$`); `superseded` when a later `init()`, `reset()` or user
   * switch took over. On the server platform it does nothing and resolves with `[]`
   * (`channels()` stays `undefined`): list the channels in the browser, after hydration.
   *
   * @example
   * const channels = await channelService.init({ members: { $in: [userId] } }, { last_message_at: -1 }, { limit: 25 });
   */
  async init(
    filters: ChannelFilters,
    sort: ChannelSort = { last_message_at: -1 },
    options?: ChannelListOptions,
  ): Promise<Channel[]> {
    if (this.isServer) {
      return [];
    }
    const client = this.chat.chatClient;
    const userId = this.chat.user()?.id;
    if (!client || !userId) {
      throw notConnectedError('ChannelService.init()');
    }
    const query = toChannelQuery(filters, sort, options);
    const call = ++this.latestInit;
    this.initInFlight = call;
    this.update({ channelQueryState: { state: 'in-progress' } });
    let firstPage: Channel[];
    try {
      firstPage = await queryChannelPage(client, query, 0, (work) =>
        this.zone.runOutsideAngular(work),
      );
    } catch (error) {
      const typed = fromVendorError(error, 'ChannelService.init()');
      if (call === this.latestInit) {
        this.initInFlight = undefined;
        this.update({ channelQueryState: { state: 'error', error: typed } });
      }
      throw typed;
    }
    if (
      call !== this.latestInit ||
      this.chat.chatClient !== client ||
      this.chat.user()?.id !== userId
    ) {
      throw channelQuerySupersededError('init()');
    }
    this.initInFlight = undefined;
    this.session?.dispose();
    const session = new ChannelSession(client, userId, query, firstPage, this.host);
    this.session = session;
    this.update({ channelQueryState: { state: 'success' } });
    if (query.activateFirstChannel && firstPage.length > 0) {
      await session.active.select(firstPage[0]);
    }
    return firstPage;
  }

  /**
   * Clears everything: deselects the active channel, sets `channels$` back to `undefined`, empties
   * the messages, resets paging and the query state, and removes every listener and timer the
   * service added. A pending `init()` is superseded. Idempotent, and safe before `init()`.
   */
  reset(): void {
    this.latestInit++;
    this.initInFlight = undefined;
    const session = this.session;
    this.session = undefined;
    session?.dispose();
    this.unreadSignals.clear();
    this.update({ channelQueryState: undefined });
  }

  /**
   * Loads the next page of channels and appends them; does nothing when `hasMoreChannels` is
   * false or before `init()`. Never rejects: a failure is published on `channelQueryState$`, and
   * the list stays as it was.
   */
  loadMoreChannels(): Promise<void> {
    return this.session?.list.loadMore() ?? Promise.resolve();
  }

  /**
   * Makes `channel` the active one: its messages appear on `activeChannelMessages$` (it is
   * watched first if the client has not loaded it yet), and it is marked read when it has unread
   * messages and the channel's config and the user's capabilities allow read events.
   * @throws StreamChatError `invalid-input` before `init()` or for a channel of a disconnected
   * client; the server's error when the channel cannot be watched. Does nothing on the server
   * platform.
   */
  async setAsActiveChannel(channel: Channel): Promise<void> {
    if (this.isServer) {
      return;
    }
    const session = this.session;
    if (!session) {
      throw channelsNotInitializedError('setAsActiveChannel()');
    }
    await session.active.select(channel);
  }

  /** Clears the active channel: no messages, no typing users. Safe to call at any time. */
  deselectActiveChannel(): void {
    this.session?.active.deselect();
    this.update();
  }

  /**
   * Loads the page of messages before the oldest one shown in the active channel (the page size
   * is `init()`'s `message_limit`); does nothing when `hasMoreMessages` is false or no channel is
   * active.
   * @throws StreamChatError when the server refuses.
   */
  async loadMoreMessages(): Promise<void> {
    const channel = this.session?.active.channel;
    if (channel) {
      await this.session?.messages.loadMore(channel);
    }
  }

  /**
   * Sends a message to the active channel. It is listed at once with status `'sending'`, then
   * resolves with the server's copy (`'received'`). If sending fails, the message stays listed
   * with status `'failed'` and its `sendError`, and the promise resolves with it: pass it to
   * `resendMessage()` to try again.
   * @param extra attachments, `parent_id`, `quoted_message_id`, custom fields, or your own `id`.
   * @throws StreamChatError `invalid-input` when no channel is active (nothing is listed then),
   * and on the server platform, where nobody is connected.
   *
   * @example
   * const message = await channelService.sendMessage('Hello!');
   * if (message.status === 'failed') showRetry(message);
   */
  async sendMessage(text: string, extra?: OutgoingMessage): Promise<ChatMessage> {
    const session = this.session;
    const channel = session?.active.channel;
    if (this.isServer) {
      throw serverPlatformError('sendMessage()');
    }
    if (!session || !channel) {
      throw noActiveChannelError('sendMessage()');
    }
    return session.sender.send(channel, text, extra);
  }

  /**
   * Sends a failed message again, with the same id (so the server never stores it twice): it
   * shows `'sending'` again, then resolves with it `'received'`, or `'failed'` once more.
   * @throws StreamChatError `invalid-input` before `init()`, or when the message has not failed,
   * and on the server platform, where nobody is connected.
   */
  async resendMessage(message: ChatMessage): Promise<ChatMessage> {
    if (this.isServer) {
      throw serverPlatformError('resendMessage()');
    }
    const session = this.session;
    if (!session) {
      throw channelsNotInitializedError('resendMessage()');
    }
    return session.sender.resend(message);
  }

  /**
   * Tells the other members that the user is typing in the active channel; call it on every
   * keystroke (it sends at most one event every 2 seconds). Does nothing when no channel is
   * active or the channel has no typing events.
   * @throws StreamChatError when the server refuses.
   */
  async typingStarted(): Promise<void> {
    await this.session?.typingStarted();
  }

  /**
   * Tells the other members that the user stopped typing in the active channel, e.g. after
   * sending. Does nothing when no channel is active or the channel has no typing events.
   * @throws StreamChatError when the server refuses.
   */
  async typingStopped(): Promise<void> {
    await this.session?.typingStopped();
  }

  /**
   * The channel's unread message count, live: it rises as others' messages arrive and drops to 0
   * when the channel is read. Counts listed channels and the active one; 0 for other channels and
   * after `reset()`. The user's total is `ChatClientService.user$`'s `total_unread_count`.
   */
  unreadCount$(channel: Channel): Observable<number> {
    return this.state.pipe(
      map((state) => state.unreadCounts.get(channel.cid)),
      distinctUntilChanged(),
    );
  }

  /** The same value as `unreadCount$(channel)`, as a signal (one per channel, reused). */
  unreadCount(channel: Channel): Signal<number> {
    let signal = this.unreadSignals.get(channel.cid);
    if (!signal) {
      const cid = channel.cid;
      signal = computed(() => this.unreadCounts().get(cid));
      this.unreadSignals.set(cid, signal);
    }
    return signal;
  }

  private select<K extends keyof ChannelServiceState>(key: K): Observable<ChannelServiceState[K]> {
    return this.state.pipe(
      map((state) => state[key]),
      distinctUntilChanged(),
    );
  }

  /**
   * Publishes the current state (and `patch`) inside Angular, in one emission, if anything
   * changed; a scheduled frame update is folded in. `eventsOnly` for the frame update that
   * publishes what client events changed.
   */
  private update(patch: Partial<ChannelServiceState> = {}, eventsOnly = false): void {
    this.frames.cancel();
    const previous = this.state.value;
    const current = this.session
      ? this.session.snapshot(previous, eventsOnly)
      : { ...EMPTY_CHANNEL_SERVICE_STATE, channelQueryState: previous.channelQueryState };
    const next = { ...current, ...patch };
    if (stateChanged(previous, next)) {
      this.zone.run(() => this.state.next(next));
    }
  }
}
