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
import { ChatTokenInput, ChatUserInput, ConnectRequest, toConnectRequest } from './connect-request';
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
import { invalidInputError, serviceDestroyedError, supersededError } from './stream-chat-errors';
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
  /** Removes the session's listener and drops its pending token provider calls. */
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
   * Every event of the connected user's client, as it arrives, inside Angular's zone. Replays
   * nothing: a subscriber sees only events that arrive after it subscribed, and never an earlier
   * session's. While nobody subscribes, events cost no change detection.
   */
  readonly events$: Observable<StreamEvent> = this.eventSubject.asObservable();

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
   * `options` are `stream-chat` client options (such as `baseURL`), merged over the configured ones.
   * A connected user is disconnected first. Rejects with a `StreamChatError`: `invalid-input`
   * (before any network call, leaving the current user connected), a server-side kind such as
   * `invalid-token` (leaving nobody connected), `token-provider-failed` when the provider throws
   * or does not answer within `tokenProviderTimeoutMs` (10 s by default), or `superseded` when a
   * later call took over. On the server platform it opens no socket and resolves with `undefined`.
   */
  async init(
    apiKey: string,
    userOrId: ChatUserInput | undefined,
    tokenOrProvider: ChatTokenInput,
    options?: StreamChatOptions,
  ): Promise<ChatConnectResult> {
    if (this.destroyed) {
      throw serviceDestroyedError('ChatClientService.init()');
    }
    const request = toConnectRequest(apiKey, userOrId, tokenOrProvider);
    const timeoutMs = tokenProviderTimeout(this.config.tokenProviderTimeoutMs);
    const call = ++this.latestCall;
    return this.enqueue(() => this.connect(call, apiKey, request, options, timeoutMs));
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
    this.endSession().catch((error: unknown) => {
      const typed = fromVendorError(error, 'Disconnecting when the injector was destroyed');
      if (this.errorHandler) {
        this.errorHandler.handleError(typed);
      } else {
        console.error(typed);
      }
    });
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
}
