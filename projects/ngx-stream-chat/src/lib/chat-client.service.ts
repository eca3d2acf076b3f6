import {
  DestroyRef,
  ErrorHandler,
  Injectable,
  NgZone,
  PLATFORM_ID,
  Signal,
  inject,
} from '@angular/core';
import { isPlatformServer } from '@angular/common';
import { toSignal } from '@angular/core/rxjs-interop';
import { BehaviorSubject, Observable, Subject } from 'rxjs';
import type {
  ConnectionOpen,
  Event as StreamEvent,
  StreamChat,
  StreamChatOptions,
} from 'stream-chat';
import type { Channel, UserResponse } from 'stream-chat';
import { AppSettingsState, ChatAppSettings } from './client/app-settings';
import { ClientEvent, toClientEvents } from './client/client-event';
import { ChatInitOptions, resolveInitArguments } from './client/init-arguments';
import { InviteAnswer, answerInvite } from './client/invite-answers';
import { flagMessage } from './client/message-flag';
import { PendingInviteTracker } from './client/pending-invites';
import { autocompleteUsers } from './client/user-autocomplete';
import { ChatTokenInput, ChatUserInput, ConnectRequest, toConnectRequest } from './connect-request';
import { ConnectionRecovery } from './connection-recovery';
import {
  ConnectionRecoverySettings,
  connectionRecoverySettings,
} from './connection-recovery-config';
import { ConnectionState } from './connection-state';
import { FrameScheduler } from './frame-scheduler';
import {
  ChatUser,
  collectUnreadCounters,
  isUnreadCounterEvent,
  ownUserAfterEvent,
  withUnreadCounters,
} from './own-user';
import { STREAM_CHAT_CLIENT_FACTORY, applyClientOptions } from './stream-chat-client-factory';
import { STREAM_CHAT_CONFIG } from './stream-chat-config';
import {
  StreamChatError,
  invalidInputError,
  notConnectedError,
  serviceDestroyedError,
  supersededError,
} from './stream-chat-errors';
import {
  TimedTokenProvider,
  timeLimitedTokenProvider,
  tokenProviderTimeout,
} from './token-provider-timeout';
import { fromVendorError } from './vendor-error';

/** What `init()` resolves with: the server's first `health.check`, with the connection id and `me`. */
export type ChatConnectResult = ConnectionOpen | undefined;

/** One connected (or connecting) user on one client. */
interface ChatSession {
  client: StreamChat;
  /** Brings the session back after outages, once it is connected. */
  recovery?: ConnectionRecovery;
  /** Removes the session's listener, stops its recovery, drops its pending provider calls. */
  stop: () => void;
}

/**
 * Connects a user to Stream Chat and keeps that user's state live.
 *
 * Connect as the vendor's docs show: `init(apiKey, userOrId, tokenOrProvider)`, then
 * `disconnectUser()` before switching users. Unlike the vendor's SDK, `init()` for another user
 * while one is connected (or connecting) disconnects the first one itself, and overlapping calls
 * are serialized so the last one wins.
 *
 * Works in zoneless and zone.js apps: the client runs outside Angular, and every state change is
 * published inside Angular through subjects and signals. When its injector is destroyed (the app
 * or the test module is torn down), it disconnects the user, so no socket, listener or timer
 * outlives it, and the `StreamChat.getInstance()` singleton is free for the next app.
 *
 * @example
 * await chatService.init('my-api-key', { id: 'alice', name: 'Alice' }, tokenProvider);
 * chatService.user$.subscribe((user) => console.log(user?.total_unread_count));
 */
@Injectable({ providedIn: 'root' })
export class ChatClientService {
  private readonly config = inject(STREAM_CHAT_CONFIG);
  private readonly createClient = inject(STREAM_CHAT_CLIENT_FACTORY);
  /** Absent in bare injectors (as in some server or test setups); then work runs as is. */
  private readonly zone = inject(NgZone, { optional: true });
  private readonly isServer = isPlatformServer(inject(PLATFORM_ID));
  private readonly errorHandler = inject(ErrorHandler, { optional: true });

  private readonly userState = new BehaviorSubject<ChatUser | undefined>(undefined);
  private readonly connectionStateSubject = new BehaviorSubject<ConnectionState>('disconnected');
  private readonly eventSubject = new Subject<StreamEvent>();

  /**
   * Unread counters received since the last frame, published together on the next one (kept in
   * one record updated in place: a burst of messages copies the user once per frame, not per event).
   */
  private pendingCounters: Partial<ChatUser> | undefined;
  private readonly counterUpdates = new FrameScheduler(this.zone, () => this.publishPendingUser());

  private client: StreamChat | undefined;
  private session: ChatSession | undefined;
  /** Increases with every `init()` and `disconnectUser()`: only the latest call may publish. */
  private latestCall = 0;
  /** Calls run one after the other, in the order they were made. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Whether the injector that made this service was destroyed; nobody may connect then. */
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.destroy());
  }

  /**
   * The connected user: id, name, image, role, `online`, `unread_count`, `total_unread_count`,
   * `unread_channels` and custom fields. Emits the current value on subscribe, and `undefined`
   * whenever nobody is connected (before `init()`, after `disconnectUser()`, after a failed
   * `init()`). Kept live from unread events (at most once per animation frame, so a burst of
   * messages re-renders once), `user.updated`, and the connection's health.
   */
  readonly user$: Observable<ChatUser | undefined> = this.userState.asObservable();

  /** The same value as `user$`, as a signal. */
  readonly user: Signal<ChatUser | undefined> = toSignal(this.user$, { requireSync: true });

  /**
   * Where the connection stands: `'disconnected'`, `'connecting'`, `'online'` or `'offline'`.
   * Emits the current value on subscribe.
   */
  readonly connectionState$: Observable<ConnectionState> =
    this.connectionStateSubject.asObservable();

  /** The same value as `connectionState$`, as a signal. */
  readonly connectionState: Signal<ConnectionState> = toSignal(this.connectionState$, {
    requireSync: true,
  });

  /**
   * Every event of the connected user's client, as it arrives, inside Angular's zone, in the
   * vendor's shape `{ eventType, event }`. Replays nothing: a subscriber sees only events that
   * arrive after it subscribed, and never an earlier session's. While nobody subscribes, events
   * cost no change detection. No signal twin: a signal keeps only the latest value, so it would
   * drop events that arrive together.
   */
  readonly events$: Observable<ClientEvent> = toClientEvents(this.eventSubject);

  /**
   * The `stream-chat` client of the last `init()`, so `chatClient?.user` works as in the vendor's
   * docs; `undefined` before the first `init()`. Its `user` is `undefined` while nobody is
   * connected.
   */
  get chatClient(): StreamChat | undefined {
    return this.client;
  }

  /**
   * Connects a user and resolves with the server's first `health.check` (with `me`).
   *
   * - `init(apiKey, 'alice', token)` or `init(apiKey, { id: 'alice', name: 'Alice' }, token)`;
   * - the token is a JWT from your server, a dev token, or a provider `() => Promise<string>` that
   *   is called on connect and again whenever the server says the token has expired;
   * - `init(apiKey, 'john', 'guest')` connects a guest; `init(apiKey, undefined, 'anonymous')` an
   *   anonymous user.
   *
   * `options` are `stream-chat` client options (such as `baseURL`), merged over the configured ones,
   * and `trackPendingChannelInvites` (see `pendingInvites$`). A connected user is disconnected first.
   *
   * When `StreamChatConfig.apiKey` is set, the key may be left out: `init(userOrId, tokenOrProvider,
   * options?)`. The vendor's form, with the key first, keeps working and uses the key it is given.
   *
   * Rejects with a `StreamChatError`: `invalid-input`
   * (before any network call, leaving the current user connected), a server-side kind such as
   * `invalid-token` (leaving nobody connected), `token-provider-failed` when the provider throws
   * or does not answer within `tokenProviderTimeoutMs` (10 s by default), or `superseded` when a
   * later call took over. When pending invitations are tracked and fail to load, it rejects with
   * the server's error and leaves nobody connected. On the server platform it opens no socket and
   * resolves with `undefined`.
   */
  init(
    userOrId: ChatUserInput | undefined,
    tokenOrProvider: ChatTokenInput,
    options?: ChatInitOptions,
  ): Promise<ChatConnectResult>;
  /**
   * The vendor's form of `init()`, with the API key first; see the form without it for the rest.
   *
   * @example
   * await chatService.init('my-api-key', { id: 'alice', name: 'Alice' }, tokenProvider);
   */
  init(
    apiKey: string,
    userOrId: ChatUserInput | undefined,
    tokenOrProvider: ChatTokenInput,
    options?: ChatInitOptions,
  ): Promise<ChatConnectResult>;
  async init(...args: unknown[]): Promise<ChatConnectResult> {
    if (this.destroyed) {
      throw serviceDestroyedError('ChatClientService.init()');
    }
    const given = resolveInitArguments(args, this.config.apiKey);
    const { userOrId, tokenOrProvider, clientOptions: options } = given;
    const request = toConnectRequest(given.apiKey, userOrId, tokenOrProvider);
    const apiKey = given.apiKey as string;
    const trackInvites =
      given.trackPendingChannelInvites ?? this.config.trackPendingChannelInvites ?? false;
    const timeoutMs = tokenProviderTimeout(this.config.tokenProviderTimeoutMs);
    const recovery = connectionRecoverySettings(this.config.connectionRecovery);
    const call = ++this.latestCall;
    return this.enqueue(() => {
      this.appSettingsState.useKey(apiKey);
      return this.connect(call, apiKey, request, options, timeoutMs, recovery).then((result) =>
        this.afterConnect(call, trackInvites, result),
      );
    });
  }

  /**
   * Disconnects the current user: closes the socket, sets `user$` to `undefined` and the state to
   * `'disconnected'`, and removes every listener the service added. Safe to call twice, before
   * `init()`, and after the service's injector was destroyed. A pending `init()` is superseded.
   */
  async disconnectUser(): Promise<void> {
    ++this.latestCall;
    await this.enqueue(() => this.endSession());
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async connect(
    call: number,
    apiKey: string,
    request: ConnectRequest,
    options: StreamChatOptions | undefined,
    tokenProviderTimeoutMs: number,
    recovery: ConnectionRecoverySettings | undefined,
  ): Promise<ChatConnectResult> {
    if (call !== this.latestCall) {
      throw supersededError('init()');
    }
    if (this.isServer) {
      return undefined;
    }
    if (this.session) {
      await this.endSession();
      if (call !== this.latestCall) {
        throw supersededError('init()');
      }
    }
    const client = this.clientFor(apiKey, { ...this.config.options, ...options });
    const timedProvider =
      request.kind === 'user' && typeof request.token === 'function'
        ? timeLimitedTokenProvider(request.token, tokenProviderTimeoutMs)
        : undefined;
    const session = this.startSession(client, timedProvider);
    try {
      const result = await this.outsideAngular(() =>
        this.openConnection(client, request, timedProvider),
      );
      if (call !== this.latestCall) {
        throw supersededError('init()');
      }
      this.publish(() => {
        this.userState.next(
          client.user ? ({ ...client.user, online: true } as ChatUser) : undefined,
        );
        this.connectionStateSubject.next('online');
      });
      if (recovery && !client.options.enableWSFallback) {
        session.recovery = this.outsideAngular(
          () => new ConnectionRecovery(client, recovery, (error) => this.reportError(error)),
        );
      }
      return result ?? undefined;
    } catch (error) {
      if (this.session === session) {
        await this.endSession();
      }
      // A call that lost its turn failed because the later call ended its session.
      throw call === this.latestCall ? fromVendorError(error, 'init()') : supersededError('init()');
    }
  }

  private clientFor(apiKey: string, options: StreamChatOptions): StreamChat {
    const client = this.createClient(apiKey, options);
    if (client.key !== apiKey) {
      throw invalidInputError(
        `the StreamChat client was created for API key "${client.key}", not "${apiKey}". ` +
          'StreamChat.getInstance() keeps its first key; use one key per app, or configure a ' +
          'clientFactory that creates a client per key.',
      );
    }
    applyClientOptions(client, options);
    this.client = client;
    return client;
  }

  private openConnection(
    client: StreamChat,
    request: ConnectRequest,
    timedProvider: TimedTokenProvider | undefined,
  ) {
    switch (request.kind) {
      case 'anonymous':
        return client.connectAnonymousUser();
      case 'guest':
        return client.setGuestUser(request.user);
      case 'user':
        return client.connectUser(request.user, timedProvider?.provider ?? request.token);
    }
  }

  private startSession(client: StreamChat, timedProvider?: TimedTokenProvider): ChatSession {
    const subscription = client.on((event) => this.onClientEvent(session, event));
    const session: ChatSession = {
      client,
      stop: () => {
        subscription.unsubscribe();
        session.recovery?.stop();
        timedProvider?.abandon();
      },
    };
    this.session = session;
    this.publish(() => this.connectionStateSubject.next('connecting'));
    return session;
  }

  private onClientEvent(session: ChatSession, event: StreamEvent): void {
    if (this.session !== session) {
      return;
    }
    if (event.type === 'connection.changed' && typeof event.online === 'boolean') {
      session.recovery?.connectionChanged(event.online);
    }
    // Enter Angular only when there is something to publish: one change detection per event
    // would undo the batching of the services that build on this one. A burst of messages
    // changes the unread counters once per frame.
    if (isUnreadCounterEvent(event)) {
      if (this.userState.value) {
        this.pendingCounters ??= {};
        if (collectUnreadCounters(this.pendingCounters, event)) this.counterUpdates.schedule();
      }
    } else {
      const user = this.userWithPendingCounters();
      const nextUser = user && ownUserAfterEvent(user, event);
      const nextState = this.connectionStateAfter(event);
      if (nextUser || nextState) {
        const userToPublish = nextUser ?? (user !== this.userState.value ? user : undefined);
        this.dropPendingCounters();
        this.publish(() => {
          if (userToPublish) this.userState.next(userToPublish);
          if (nextState) this.connectionStateSubject.next(nextState);
        });
      }
    }
    if (this.eventSubject.observed) {
      this.publish(() => this.eventSubject.next(event));
    }
  }

  private connectionStateAfter(event: StreamEvent): ConnectionState | undefined {
    if (event.type !== 'connection.changed' || typeof event.online !== 'boolean') {
      return undefined;
    }
    const state = this.connectionStateSubject.value;
    if (event.online) {
      return state === 'online' ? undefined : 'online';
    }
    return state === 'online' ? 'offline' : undefined;
  }

  private async endSession(): Promise<void> {
    const session = this.session;
    if (!session) {
      return;
    }
    this.session = undefined;
    session.stop();
    this.pendingInviteTracker.stop();
    this.dropPendingCounters();
    this.publish(() => {
      // A session that never got its user (a failed connect) leaves user$ as it was.
      if (this.userState.value !== undefined) this.userState.next(undefined);
      this.connectionStateSubject.next('disconnected');
    });
    await this.outsideAngular(() => session.client.disconnectUser());
  }

  /** Disconnects at once when the injector is destroyed; a pending `init()` is superseded. */
  private destroy(): void {
    if (this.destroyed) {
      return;
    }
    this.destroyed = true;
    ++this.latestCall;
    this.endSession().catch((error: unknown) =>
      this.reportError(fromVendorError(error, 'Disconnecting when the injector was destroyed')),
    );
  }

  /** Reports an error no caller waits for to Angular's `ErrorHandler` (the console without one). */
  private reportError(error: StreamChatError): void {
    if (this.errorHandler) {
      this.errorHandler.handleError(error);
    } else {
      console.error(error);
    }
  }

  /** The published user with the counters waiting for the next frame. */
  private userWithPendingCounters(): ChatUser | undefined {
    const user = this.userState.value;
    const counters = this.pendingCounters;
    return user && counters ? (withUnreadCounters(user, counters) ?? user) : user;
  }

  private publishPendingUser(): void {
    const user = this.userWithPendingCounters();
    this.pendingCounters = undefined;
    if (user && user !== this.userState.value && this.session) {
      this.publish(() => this.userState.next(user));
    }
  }

  private dropPendingCounters(): void {
    this.pendingCounters = undefined;
    this.counterUpdates.cancel();
  }

  /** Runs vendor work outside Angular, so its timers and sockets never trigger change detection. */
  private outsideAngular<T>(work: () => T): T {
    return this.zone ? this.zone.runOutsideAngular(work) : work();
  }

  /** Publishes state inside Angular, so zone.js apps re-render too. */
  private publish(update: () => void): void {
    if (this.zone) {
      this.zone.run(update);
    } else {
      update();
    }
  }

  // App settings, moderation, user search and invitations: each in its own file under client/.

  private readonly appSettingsState = new AppSettingsState(
    (update) => this.publish(update),
    (work) => this.outsideAngular(work),
  );
  private readonly pendingInviteTracker = new PendingInviteTracker(
    (update) => this.publish(update),
    (work) => this.outsideAngular(work),
    (error) => (this.errorHandler ? this.errorHandler.handleError(error) : console.error(error)),
  );

  /**
   * The app's settings (channel types and their config, upload limits...), as the server answers
   * them. `undefined` until `getAppSettings()` has loaded them (loading them is an extra request,
   * so nothing loads them by itself), and again after `init()` with another API key.
   */
  readonly appSettings$: Observable<ChatAppSettings | undefined> = this.appSettingsState.settings$;

  /** The same value as `appSettings$`, as a signal. */
  readonly appSettings: Signal<ChatAppSettings | undefined> = toSignal(this.appSettings$, {
    requireSync: true,
  });

  /**
   * The channels the connected user is invited to and has not answered, when invitations are
   * tracked (`trackPendingChannelInvites` in `init()` options or in `StreamChatConfig`). Loaded
   * before `init()` resolves, then kept live: `notification.invited` adds a channel at the end;
   * accepting, rejecting (here, or by `channel.acceptInvite()` anywhere), being removed from the
   * channel or its deletion takes it off; after a reconnect it is loaded again (a failure then goes
   * to Angular's `ErrorHandler`, the list staying as it was). `[]` when not tracking and while
   * nobody is connected.
   */
  readonly pendingInvites$: Observable<Channel[]> = this.pendingInviteTracker.invites$;

  /** The same value as `pendingInvites$`, as a signal. */
  readonly pendingInvites: Signal<Channel[]> = toSignal(this.pendingInvites$, {
    requireSync: true,
  });

  /**
   * Loads the app settings onto `appSettings$`, once: resolves at once when they are loaded, and
   * calls made while they load share the request. A failure publishes nothing; the next call
   * tries again.
   * @throws StreamChatError `invalid-input` when no user is connected; the server's error.
   */
  async getAppSettings(): Promise<void> {
    await this.appSettingsState.load(this.connectedClient('ChatClientService.getAppSettings()'));
  }

  /**
   * Flags the message with this id for moderation, as the connected user.
   * @throws StreamChatError `invalid-input` when no user is connected, for an empty id, or when the
   * server refuses (the user's own message); kind `unknown` with code 16 for a message that does
   * not exist.
   */
  async flagMessage(messageId: string): Promise<void> {
    const client = this.connectedClient('ChatClientService.flagMessage()');
    await flagMessage(client, messageId, (work) => this.outsideAngular(work));
  }

  /**
   * The users whose id or name matches `searchTerm` (Stream's `$autocomplete`), without the
   * connected user. An empty term resolves with `[]` without asking the server.
   * @throws StreamChatError `invalid-input` when no user is connected; `superseded` when another
   * user connected before the answer came; the server's error.
   */
  async autocompleteUsers(searchTerm: string): Promise<UserResponse[]> {
    if (searchTerm === '') {
      return [];
    }
    const client = this.connectedClient('ChatClientService.autocompleteUsers()');
    const call = this.latestCall;
    const superseded = () => call !== this.latestCall;
    const users = await autocompleteUsers(client, searchTerm, (work) =>
      this.outsideAngular(work),
    ).catch((error: unknown) => {
      throw superseded() ? supersededError('autocompleteUsers()') : error;
    });
    if (superseded()) {
      throw supersededError('autocompleteUsers()');
    }
    return users;
  }

  /**
   * Accepts the connected user's invitation to `channel` (one of `pendingInvites$`), which leaves
   * `pendingInvites$` at once; `ChannelService` lists the channel on the server's
   * `notification.invite_accepted`.
   * @throws StreamChatError `invalid-input` when no user is connected, for a channel of another
   * client, or when the server has no pending invitation for it; the server's error.
   */
  async acceptInvite(channel: Channel): Promise<void> {
    await this.answerInvite(channel, 'acceptInvite');
  }

  /**
   * Rejects the connected user's invitation to `channel` (one of `pendingInvites$`), which leaves
   * `pendingInvites$` at once.
   * @throws StreamChatError as `acceptInvite()` does.
   */
  async rejectInvite(channel: Channel): Promise<void> {
    await this.answerInvite(channel, 'rejectInvite');
  }

  private async answerInvite(channel: Channel, answer: InviteAnswer): Promise<void> {
    const client = this.connectedClient(`ChatClientService.${answer}()`);
    await answerInvite(client, channel, answer, (work) => this.outsideAngular(work));
    this.pendingInviteTracker.answered(channel);
  }

  /**
   * After a successful connect, loads the pending invitations when they are tracked. When they
   * fail to load, the user is disconnected again and `init()` rejects, so a session never runs
   * with a list it could not load.
   */
  private async afterConnect(
    call: number,
    trackInvites: boolean,
    result: ChatConnectResult,
  ): Promise<ChatConnectResult> {
    const client = this.client;
    const userId = this.userState.value?.id;
    // Anonymous users cannot be invited: there is nothing to track for them.
    if (!trackInvites || this.isServer || !client || !userId || client.anonymous) {
      return result;
    }
    try {
      await this.pendingInviteTracker.start(client, userId);
    } catch (error) {
      if (call === this.latestCall) {
        await this.endSession();
      }
      throw call === this.latestCall
        ? fromVendorError(error, 'init() (loading the pending invitations)')
        : supersededError('init()');
    }
    if (call !== this.latestCall) {
      throw supersededError('init()');
    }
    return result;
  }

  /** The client of the connected user. @throws StreamChatError when nobody is connected. */
  private connectedClient(call: string): StreamChat {
    const client = this.client;
    if (!client || !this.session || !this.userState.value) {
      throw notConnectedError(call);
    }
    return client;
  }
}
