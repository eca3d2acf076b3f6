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
import type {
  Attachment,
  Channel,
  ChannelFilters,
  ChannelMemberResponse,
  ChannelSort,
  MessageResponse,
  ReactionResponse,
  StreamChat,
  UserResponse,
} from 'stream-chat';
import {
  ATTACHMENT_REQUESTS,
  AttachmentDeleteRequest,
  AttachmentUploadRequest,
} from './attachment-requests';
import type { AttachmentUpload } from './attachment-upload';
import { ChatClientService } from './chat-client.service';
import { ChannelServiceExtensionPoints } from './channel-service-extension-points';
import {
  ChannelListOptions,
  ChannelQuery,
  ChannelQueryState,
  toChannelQuery,
} from './channel-query';
import type { ChatMessage, OutgoingMessage } from './chat-message';
import type { ActiveChannelCommands } from './core/active-channel.slice';
import type { ChannelListCommands } from './core/channel-list.slice';
import {
  ChannelPager,
  ChannelQueryResult,
  ChannelQueryType,
  customPager,
  queryPager,
} from './core/channel-pager';
import { CORE_SLICES } from './core/core-slices';
import type { MessageActionsCommands } from './core/message-actions.slice';
import type { MessageJumpCommands } from './core/message-jump.slice';
import type { SendingCommands } from './core/message-sending.slice';
import type { MessagesCommands } from './core/messages.slice';
import type { TypingCommands } from './core/typing.slice';
import type { AttachmentCommands } from './features/attachments/attachments.slice';
import type { ReactionCommands } from './features/reactions/reactions.slice';
import type { ThreadCommands } from './features/threads/threads.slice';
import { autocompleteChannelMembers } from './member-autocomplete';
import { messageInputOf, outgoingOf, outgoingOfInput } from './message-input';
import { STREAM_CHAT_FEATURE_SLICES } from './stream-chat-feature';
import { SessionStore, StoreHost } from './store/session-store';
import type { MessageJumpTarget } from './store/chat-state';
import { StateSurface } from './store/state-surface';
import {
  channelQuerySupersededError,
  channelsNotInitializedError,
  featureNotProvidedError,
  noActiveChannelError,
  notConnectedError,
  serverPlatformError,
} from './stream-chat-errors';
import { fromVendorError } from './vendor-error';

/**
 * The connected user's channel list, the active channel and its messages, threads, reactions and
 * uploads, kept live.
 *
 * Initialise the list once a user is connected, and reset it before switching users, as the
 * vendor's docs show; the service also resets itself when `ChatClientService` disconnects or
 * switches user, so nothing of the previous user remains. Calling `init()` again replaces the
 * list.
 *
 * State lives in one store per session (per `init()`), split into slices; every observable and
 * its signal twin is derived from it. Event-driven changes are published at most once per
 * animation frame, so a burst of events re-renders once; a command publishes at once. Works in
 * zoneless and zone.js apps: the client runs outside Angular, and state is published inside
 * Angular. Failures of work no caller waits for (watching a channel the user was added to,
 * marking read, catching up after a reconnect) go to Angular's `ErrorHandler` as
 * `StreamChatError`s. On the server platform `init()` and `setAsActiveChannel()` resolve without
 * doing anything and the state stays empty; the service resets when its injector is destroyed.
 *
 * Threads, reactions and uploads are optional features: add `withThreads()`, `withReactions()`
 * or `withAttachments()` to `provideStreamChat()`; their calls reject with
 * `feature-not-provided` otherwise.
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
export class ChannelService extends ChannelServiceExtensionPoints {
  private readonly chat = inject(ChatClientService);
  private readonly zone = inject(NgZone);
  private readonly errorHandler = inject(ErrorHandler);
  private readonly isServer = isPlatformServer(inject(PLATFORM_ID));
  private readonly slices = [
    ...CORE_SLICES,
    ...(inject(STREAM_CHAT_FEATURE_SLICES, { optional: true }) ?? []),
  ];
  private readonly surface = new StateSurface(this.zone);
  private session: SessionStore | undefined;
  /** Increases with every `init()` and `reset()`: only the latest `init()` may install its list. */
  private latestInit = 0;
  /** The `init()` whose query is in flight, if any; it alone reports the query state meanwhile. */
  private initInFlight: number | undefined;
  private readonly unreadSignals = new Map<string, Signal<number>>();
  private readonly attachmentRequests = inject(ATTACHMENT_REQUESTS);
  private readonly host: StoreHost = {
    zone: this.zone,
    publish: (patch) => {
      if (this.initInFlight !== undefined) delete patch.channelQueryState;
      this.surface.patch(patch);
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
  readonly channels$: Observable<Channel[] | undefined> = this.surface.observable('channels');
  /** The same value as `channels$`, as a signal. */
  readonly channels: Signal<Channel[] | undefined> = this.surface.signal('channels');

  /** Whether `loadMoreChannels()` may find more channels; `false` before `init()`. */
  readonly hasMoreChannels$: Observable<boolean> = this.surface.observable('hasMoreChannels');
  /** The same value as `hasMoreChannels$`, as a signal. */
  readonly hasMoreChannels: Signal<boolean> = this.surface.signal('hasMoreChannels');

  /**
   * Where the latest channel query stands (`init()`, `loadMoreChannels()`, or the catch-up after
   * a reconnect): `{state: 'in-progress'}`, `{state: 'success'}`, or `{state: 'error', error}`
   * with a typed `StreamChatError`, in which case the list shown before is kept. `undefined`
   * before `init()` and after `reset()`.
   */
  readonly channelQueryState$: Observable<ChannelQueryState | undefined> =
    this.surface.observable('channelQueryState');
  /** The same value as `channelQueryState$`, as a signal. */
  readonly channelQueryState: Signal<ChannelQueryState | undefined> =
    this.surface.signal('channelQueryState');

  /**
   * The channel whose messages are shown: the first channel after `init()` (unless
   * `activateFirstChannel: false`), then whichever `setAsActiveChannel()` selected. `undefined`
   * when none is, and after the channel is deleted or the user is removed from it.
   */
  readonly activeChannel$: Observable<Channel | undefined> =
    this.surface.observable('activeChannel');
  /** The same value as `activeChannel$`, as a signal. */
  readonly activeChannel: Signal<Channel | undefined> = this.surface.signal('activeChannel');

  /**
   * The active channel's messages, oldest first, each with its `status`: messages being sent are
   * listed at once as `'sending'`, and failed ones stay listed as `'failed'` until resent; edits
   * and deletes show at once (`'updating'`, `'deleting'`). Thread replies are listed only when
   * also sent to the channel. `[]` when no channel is active.
   */
  readonly activeChannelMessages$: Observable<ChatMessage[]> =
    this.surface.observable('activeChannelMessages');
  /** The same value as `activeChannelMessages$`, as a signal. */
  readonly activeChannelMessages: Signal<ChatMessage[]> =
    this.surface.signal('activeChannelMessages');

  /** Whether `loadMoreMessages()` may find older messages; `false` when no channel is active. */
  readonly hasMoreMessages$: Observable<boolean> = this.surface.observable('hasMoreMessages');
  /** The same value as `hasMoreMessages$`, as a signal. */
  readonly hasMoreMessages: Signal<boolean> = this.surface.signal('hasMoreMessages');

  /** The active channel's pinned messages; `[]` when no channel is active. */
  readonly activeChannelPinnedMessages$: Observable<ChatMessage[]> = this.surface.observable(
    'activeChannelPinnedMessages',
  );
  /** The same value as `activeChannelPinnedMessages$`, as a signal. */
  readonly activeChannelPinnedMessages: Signal<ChatMessage[]> = this.surface.signal(
    'activeChannelPinnedMessages',
  );

  /**
   * The other users typing in the active channel (never the current user), in the order they
   * started; `[]` when nobody is, or no channel is active. Typing in a thread is listed by
   * `usersTypingInThread$`.
   */
  readonly usersTypingInChannel$: Observable<UserResponse[]> =
    this.surface.observable('usersTypingInChannel');
  /** The same value as `usersTypingInChannel$`, as a signal. */
  readonly usersTypingInChannel: Signal<UserResponse[]> =
    this.surface.signal('usersTypingInChannel');

  /**
   * The message the composer quotes, set by `selectMessageToQuote()`; cleared when another channel
   * becomes active.
   */
  readonly messageToQuote$: Observable<ChatMessage | undefined> =
    this.surface.observable('messageToQuote');
  /** The same value as `messageToQuote$`, as a signal. */
  readonly messageToQuote: Signal<ChatMessage | undefined> = this.surface.signal('messageToQuote');

  /** The id of the open thread's parent message (`withThreads()`); `undefined` when none is open. */
  readonly activeParentMessageId$: Observable<string | undefined> =
    this.surface.observable('activeParentMessageId');
  /** The same value as `activeParentMessageId$`, as a signal. */
  readonly activeParentMessageId: Signal<string | undefined> =
    this.surface.signal('activeParentMessageId');

  /** The open thread's parent message, with its live `reply_count` (`withThreads()`). */
  readonly activeParentMessage$: Observable<ChatMessage | undefined> =
    this.surface.observable('activeParentMessage');
  /** The same value as `activeParentMessage$`, as a signal. */
  readonly activeParentMessage: Signal<ChatMessage | undefined> =
    this.surface.signal('activeParentMessage');

  /** The open thread's replies, oldest first, with their `status` (`withThreads()`). */
  readonly activeThreadMessages$: Observable<ChatMessage[]> =
    this.surface.observable('activeThreadMessages');
  /** The same value as `activeThreadMessages$`, as a signal. */
  readonly activeThreadMessages: Signal<ChatMessage[]> =
    this.surface.signal('activeThreadMessages');

  /**
   * Whether `loadMoreThreadReplies()` may find older replies of the open thread (`withThreads()`);
   * `false` when no thread is open.
   */
  readonly hasMoreThreadReplies$: Observable<boolean> =
    this.surface.observable('hasMoreThreadReplies');
  /** The same value as `hasMoreThreadReplies$`, as a signal. */
  readonly hasMoreThreadReplies: Signal<boolean> = this.surface.signal('hasMoreThreadReplies');

  /** The other users typing in the open thread (`withThreads()`). */
  readonly usersTypingInThread$: Observable<UserResponse[]> =
    this.surface.observable('usersTypingInThread');
  /** The same value as `usersTypingInThread$`, as a signal. */
  readonly usersTypingInThread: Signal<UserResponse[]> = this.surface.signal('usersTypingInThread');

  /**
   * The composer's files for the active channel and where each stands: `'uploading'` with
   * `progress`, `'success'` with its `url`, or `'error'` with a typed `error` (`withAttachments()`).
   * `[]` when there are none; emptied when another channel becomes active, and rid of the files a
   * message of the user's carries once that message is listed (see `attachmentsOf()`).
   */
  readonly attachmentUploads$: Observable<AttachmentUpload[]> =
    this.surface.observable('attachmentUploads');
  /** The same value as `attachmentUploads$`, as a signal. */
  readonly attachmentUploads: Signal<AttachmentUpload[]> = this.surface.signal('attachmentUploads');

  /**
   * The last message the user had read in the active channel, taken when the channel was opened
   * (before it was marked read) and when it is marked unread: where an "unread messages"
   * separator goes. `undefined` when no channel is active or the user never read it.
   */
  readonly activeChannelLastReadMessageId$: Observable<string | undefined> =
    this.surface.observable('activeChannelLastReadMessageId');
  /** The same value as `activeChannelLastReadMessageId$`, as a signal. */
  readonly activeChannelLastReadMessageId: Signal<string | undefined> = this.surface.signal(
    'activeChannelLastReadMessageId',
  );

  /** The active channel's unread count, taken when `activeChannelLastReadMessageId` is. */
  readonly activeChannelUnreadCount$: Observable<number | undefined> = this.surface.observable(
    'activeChannelUnreadCount',
  );
  /** The same value as `activeChannelUnreadCount$`, as a signal. */
  readonly activeChannelUnreadCount: Signal<number | undefined> = this.surface.signal(
    'activeChannelUnreadCount',
  );

  /**
   * The message to scroll to and highlight after `jumpToMessage()`: `{id, parentId}`, or `{}`
   * after `clearMessageJump()` and when another channel becomes active.
   */
  readonly jumpToMessage$: Observable<MessageJumpTarget> = this.surface.observable('jumpToMessage');
  /** The same value as `jumpToMessage$`, as a signal. */
  readonly jumpToMessageTarget: Signal<MessageJumpTarget> = this.surface.signal('jumpToMessage');

  /** Whether newer messages than those shown can be loaded, after a jump. */
  readonly hasMoreNewerMessages$: Observable<boolean> =
    this.surface.observable('hasMoreNewerMessages');
  /** The same value as `hasMoreNewerMessages$`, as a signal. */
  readonly hasMoreNewerMessages: Signal<boolean> = this.surface.signal('hasMoreNewerMessages');

  /**
   * `'start'` from the moment another channel is selected until its messages are loaded, then
   * `'end'`: the other observables are consistent with each other when it is `'end'`.
   */
  readonly channelSwitchState$: Observable<'start' | 'end'> =
    this.surface.observable('channelSwitchState');
  /** The same value as `channelSwitchState$`, as a signal. */
  readonly channelSwitchState: Signal<'start' | 'end'> = this.surface.signal('channelSwitchState');

  /**
   * When the user last sent a message, per channel cid: with the channel's `cooldown` (slow mode,
   * `channel.data.cooldown` in seconds) it tells when the user may send again.
   */
  readonly latestMessageDateByUserByChannels$: Observable<Record<string, Date>> =
    this.surface.observable('latestMessageDateByUserByChannels');
  /** The same value as `latestMessageDateByUserByChannels$`, as a signal. */
  readonly latestMessageDateByUserByChannels: Signal<Record<string, Date>> = this.surface.signal(
    'latestMessageDateByUserByChannels',
  );

  /**
   * The bounced message the user chose to act on (a message the moderation rules bounced, shown
   * with type `'error'`): set it with `bouncedMessage$.next(message)` when the user opens it, as
   * the vendor's components do, and clear it with `next(undefined)`.
   */
  readonly bouncedMessage$ = new BehaviorSubject<ChatMessage | undefined>(undefined);
  /** The same value as `bouncedMessage$`, as a signal. */
  readonly bouncedMessage: Signal<ChatMessage | undefined> = toSignal(this.bouncedMessage$, {
    requireSync: true,
  });

  constructor() {
    super();
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
    shouldSetActiveChannel?: boolean,
  ): Promise<Channel[]> {
    if (this.isServer) return [];
    const query = toChannelQuery(filters, sort, {
      ...options,
      ...(shouldSetActiveChannel !== undefined
        ? { activateFirstChannel: shouldSetActiveChannel }
        : {}),
    });
    return this.start('init()', query, (client) =>
      queryPager(
        client,
        query,
        (work) => this.zone.runOutsideAngular(work),
        () => this.customPaginator,
      ),
    );
  }

  /**
   * Lists channels with the app's own query instead of filters: `query('first-page')` now,
   * `query('next-page')` from `loadMoreChannels()`, and `query('recover-state')` after a
   * reconnect, each resolving with the whole list so far and whether more may follow. Everything
   * else works as after `init()`.
   * @param options whether the first channel becomes active (`true` by default), and the page
   * size of messages (25 by default).
   * @throws StreamChatError as `init()` does; the query's own error, typed.
   */
  async initWithCustomQuery(
    query: (queryType: ChannelQueryType) => Promise<ChannelQueryResult>,
    options: { shouldSetActiveChannel?: boolean; messagePageSize?: number } = {},
  ): Promise<Channel[]> {
    if (this.isServer) return [];
    const channelQuery = toChannelQuery(
      {},
      {},
      {
        activateFirstChannel: options.shouldSetActiveChannel ?? true,
        ...(options.messagePageSize ? { message_limit: options.messagePageSize } : {}),
      },
    );
    return this.start('initWithCustomQuery()', channelQuery, () =>
      customPager((type) => this.zone.runOutsideAngular(() => query(type))),
    );
  }

  /** Loads the first page with `pager`, then starts the session that keeps it live. */
  private async start(
    call: string,
    query: ChannelQuery,
    pagerFor: (client: StreamChat) => ChannelPager,
  ): Promise<Channel[]> {
    const client = this.chat.chatClient;
    const userId = this.chat.user()?.id;
    if (!client || !userId) throw notConnectedError(`ChannelService.${call}`);
    const pager = pagerFor(client);
    const turn = ++this.latestInit;
    this.initInFlight = turn;
    this.surface.patch({ channelQueryState: { state: 'in-progress' } });
    let first: ChannelQueryResult;
    try {
      first = await pager.query('first-page', []);
    } catch (error) {
      const typed = fromVendorError(error, `ChannelService.${call}`);
      if (turn === this.latestInit) {
        this.initInFlight = undefined;
        this.surface.patch({ channelQueryState: { state: 'error', error: typed } });
      }
      throw typed;
    }
    if (
      turn !== this.latestInit ||
      this.chat.chatClient !== client ||
      this.chat.user()?.id !== userId
    ) {
      throw channelQuerySupersededError(call);
    }
    this.initInFlight = undefined;
    this.session?.dispose();
    const firstPage = first.channels;
    this.session = new SessionStore(
      {
        client,
        userId,
        query,
        firstPage,
        hasMoreChannels: first.hasMorePage,
        pager,
        extensions: this,
      },
      this.slices,
      this.host,
    );
    if (query.activateFirstChannel && firstPage.length > 0) {
      await this.setAsActiveChannel(firstPage[0]);
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
    this.surface.reset();
    if (this.bouncedMessage$.value !== undefined) this.bouncedMessage$.next(undefined);
  }

  /**
   * Loads the next page of channels and appends them; does nothing when `hasMoreChannels` is
   * false or before `init()`. Never rejects: a failure is published on `channelQueryState$`, and
   * the list stays as it was.
   */
  loadMoreChannels(): Promise<void> {
    return this.commands<ChannelListCommands>('channelList')?.loadMore() ?? Promise.resolve();
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
    if (this.isServer) return;
    await this.required<ActiveChannelCommands>('activeChannel', 'setAsActiveChannel()').select(
      channel,
    );
  }

  /** Clears the active channel: no messages, no typing users. Safe to call at any time. */
  deselectActiveChannel(): void {
    this.commands<ActiveChannelCommands>('activeChannel')?.deselect();
  }

  /**
   * Loads the page of messages before the oldest one shown in the active channel (or, with
   * `'newer'`, after the newest one, when a jump left newer messages unloaded); the page size is
   * `init()`'s `message_limit`. Does nothing when there is no more, or no channel is active.
   * @throws StreamChatError when the server refuses.
   */
  async loadMoreMessages(direction: 'older' | 'newer' = 'older'): Promise<void> {
    const channel = this.activeChannel();
    if (channel) await this.commands<MessagesCommands>('messages')?.loadMore(channel, direction);
  }

  /**
   * Sends a message to the active channel, with the vendor's arguments. It is listed at once with
   * status `'sending'`, then resolves with the server's copy (`'received'`). If sending fails, the
   * message stays listed with status `'failed'` and its `sendError`, and the promise resolves
   * with it: pass it to `resendMessage()` to try again.
   * @param text the message text.
   * @param attachments uploaded files (see `uploadAttachments()`) or other attachments.
   * @param mentionedUsers the users the text mentions.
   * @param parentId the thread's parent message, for a reply.
   * @param quotedMessageId the quoted message, e.g. `messageToQuote()?.id`.
   * @param customData custom fields of the message.
   * @throws StreamChatError `invalid-input` when no channel is active (nothing is listed then),
   * and on the server platform, where nobody is connected.
   *
   * @example
   * const message = await channelService.sendMessage('Hello!');
   * if (message.status === 'failed') showRetry(message);
   */
  sendMessage(
    text: string,
    attachments?: Attachment[],
    mentionedUsers?: UserResponse[],
    parentId?: string,
    quotedMessageId?: string,
    customData?: Record<string, unknown>,
  ): Promise<ChatMessage>;
  /**
   * Sends a message to the active channel with any message fields (`attachments`, `parent_id`,
   * `quoted_message_id`, `mentioned_users` as ids, custom fields, or your own `id`).
   */
  sendMessage(text: string, extra?: OutgoingMessage): Promise<ChatMessage>;
  async sendMessage(
    text: string,
    attachmentsOrExtra?: Attachment[] | OutgoingMessage,
    mentionedUsers?: UserResponse[],
    parentId?: string,
    quotedMessageId?: string,
    customData?: Record<string, unknown>,
  ): Promise<ChatMessage> {
    if (this.isServer) throw serverPlatformError('sendMessage()');
    const channel = this.activeChannel();
    const sending = this.commands<SendingCommands>('sending');
    if (!sending || !channel) throw noActiveChannelError('sendMessage()');
    let extra: OutgoingMessage =
      attachmentsOrExtra === undefined || Array.isArray(attachmentsOrExtra)
        ? outgoingOf(attachmentsOrExtra, mentionedUsers, parentId, quotedMessageId, customData)
        : attachmentsOrExtra;
    if (this.beforeSendMessage) {
      const changed = outgoingOfInput(await this.beforeSendMessage(messageInputOf(text, extra)));
      text = changed.text;
      extra = { ...(extra.id ? { id: extra.id } : {}), ...changed.extra };
    }
    return sending.send(channel, text, extra);
  }

  /**
   * Sends a failed message again, with the same id (so the server never stores it twice): it
   * shows `'sending'` again, then resolves with it `'received'`, or `'failed'` once more.
   * @throws StreamChatError `invalid-input` before `init()`, or when the message has not failed,
   * and on the server platform, where nobody is connected.
   */
  async resendMessage(message: ChatMessage): Promise<ChatMessage> {
    if (this.isServer) throw serverPlatformError('resendMessage()');
    return this.required<SendingCommands>('sending', 'resendMessage()').resend(message);
  }

  /**
   * Edits a message of the active channel (or its open thread): the edit shows at once with status
   * `'updating'`, then resolves with the server's copy (`message_text_updated_at` marks it
   * edited). If the server refuses, the message is put back as it was and the call rejects.
   * @throws StreamChatError `not-allowed` when the user may not edit it (nothing is sent);
   * `invalid-input` for a message that is not loaded; the server's error.
   */
  async updateMessage(message: ChatMessage): Promise<ChatMessage> {
    const actions = this.required<MessageActionsCommands>('messageActions', 'updateMessage()');
    return actions.update(
      this.beforeUpdateMessage ? await this.beforeUpdateMessage(message) : message,
    );
  }

  /**
   * Deletes a message: on the server (it shows `'deleting'`, then as deleted, with `deleted_at`
   * and type `'deleted'`), or only from this device's list when `isLocalDelete` (for example a
   * failed message). If the server refuses, the message is put back and the call rejects.
   * @throws StreamChatError `not-allowed` when the user may not delete it (nothing is sent);
   * `invalid-input` for a message that is not loaded; the server's error.
   */
  async deleteMessage(message: ChatMessage, isLocalDelete = false): Promise<void> {
    const confirm = this.messageDeleteConfirmationHandler;
    if (!isLocalDelete && confirm && !(await confirm(message))) return;
    await this.required<MessageActionsCommands>('messageActions', 'deleteMessage()').remove(
      message,
      isLocalDelete,
    );
  }

  /**
   * Pins a message of the active channel: it shows pinned at once and joins
   * `activeChannelPinnedMessages$`; rolled back if the server refuses.
   * @throws StreamChatError `not-allowed` without the `pin-message` capability (nothing is sent).
   */
  async pinMessage(message: ChatMessage): Promise<void> {
    await this.required<MessageActionsCommands>('messageActions', 'pinMessage()').setPinned(
      message,
      true,
    );
  }

  /**
   * Unpins a message of the active channel, at once; rolled back if the server refuses.
   * @throws StreamChatError `not-allowed` without the `pin-message` capability (nothing is sent).
   */
  async unpinMessage(message: ChatMessage): Promise<void> {
    await this.required<MessageActionsCommands>('messageActions', 'unpinMessage()').setPinned(
      message,
      false,
    );
  }

  /**
   * Runs an action of an ephemeral message, such as a Giphy preview's `{ image_action: 'send' }`,
   * `'shuffle'` or `'cancel'`: the server's answer replaces the message, and no answer removes it.
   * @throws StreamChatError `invalid-input` for a message that is not loaded; the server's error
   * (the emulator has no message actions, and refuses them).
   */
  async sendAction(
    messageId: string,
    formData: Record<string, string>,
    parentMessageId?: string,
  ): Promise<void> {
    await this.required<MessageActionsCommands>('messageActions', 'sendAction()').sendAction(
      messageId,
      formData,
      parentMessageId,
    );
  }

  /**
   * Whether the active channel is marked read as it is opened and as others' messages arrive
   * (throttled); `true` by default. Set it to `false` while the user is not looking (for example
   * a hidden tab); setting it back to `true` marks the active channel read if it has unread
   * messages.
   */
  get shouldMarkActiveChannelAsRead(): boolean {
    return this.markActiveChannelAsRead;
  }
  /** Sets whether the active channel is marked read; see the getter. */
  set shouldMarkActiveChannelAsRead(shouldMarkActiveChannelAsRead: boolean) {
    this.markActiveChannelAsRead = shouldMarkActiveChannelAsRead;
    if (shouldMarkActiveChannelAsRead) {
      this.commands<ActiveChannelCommands>('activeChannel')?.markReadIfUnread();
    }
  }
  private markActiveChannelAsRead = true;

  /** Sets the message the composer quotes (`undefined` clears it); see `messageToQuote$`. */
  selectMessageToQuote(message: ChatMessage | MessageResponse | undefined): void {
    this.commands<MessageActionsCommands>('messageActions')?.quote(message);
  }

  /**
   * Tells the other members that the user is typing in the active channel, or in the thread of
   * `parentId`; call it on every keystroke (it sends at most one event every 2 seconds). Does
   * nothing when no channel is active or the channel has no typing events.
   * @throws StreamChatError when the server refuses.
   */
  async typingStarted(parentId?: string): Promise<void> {
    await this.commands<TypingCommands>('typing')?.started(parentId);
  }

  /**
   * Tells the other members that the user stopped typing in the active channel, or in the thread
   * of `parentId`, e.g. after sending. Does nothing when no channel is active.
   * @throws StreamChatError when the server refuses.
   */
  async typingStopped(parentId?: string): Promise<void> {
    await this.commands<TypingCommands>('typing')?.stopped(parentId);
  }

  /**
   * Opens the thread of `message` (its replies load into `activeThreadMessages$`), or closes the
   * thread when `message` is `undefined` (`withThreads()`).
   * @param loadMessagesFrom `'request'` (default) asks the server for the latest replies;
   * `'state'` shows the replies the client already holds.
   * @throws StreamChatError `feature-not-provided` without `withThreads()`; the server's error.
   */
  async setAsActiveParentMessage(
    message: ChatMessage | MessageResponse | undefined,
    loadMessagesFrom: 'request' | 'state' = 'request',
  ): Promise<void> {
    await this.feature<ThreadCommands>(
      'threads',
      'setAsActiveParentMessage()',
      'withThreads()',
    ).open(message, loadMessagesFrom);
  }

  /**
   * Loads the page of replies before the oldest one shown in the open thread (`withThreads()`).
   * @throws StreamChatError `feature-not-provided` without `withThreads()`; the server's error.
   */
  async loadMoreThreadReplies(direction: 'older' | 'newer' = 'older'): Promise<void> {
    await this.feature<ThreadCommands>(
      'threads',
      'loadMoreThreadReplies()',
      'withThreads()',
    ).loadMore(direction);
  }

  /**
   * Adds the user's reaction to a message of the active channel: counts and `own_reactions` change
   * at once, and are rolled back if the server refuses (`withReactions()`).
   * @throws StreamChatError `not-allowed` without the `send-reaction` capability (nothing is
   * sent); `feature-not-provided` without `withReactions()`; the server's error.
   */
  async addReaction(
    messageId: string,
    reactionType: string,
    customData?: Record<string, unknown>,
  ): Promise<void> {
    await this.feature<ReactionCommands>('reactions', 'addReaction()', 'withReactions()').add(
      messageId,
      reactionType,
      customData,
    );
  }

  /**
   * Removes the user's reaction from a message of the active channel, at once; rolled back if the
   * server refuses (`withReactions()`).
   * @throws StreamChatError `feature-not-provided` without `withReactions()`; the server's error.
   */
  async removeReaction(messageId: string, reactionType: string): Promise<void> {
    await this.feature<ReactionCommands>('reactions', 'removeReaction()', 'withReactions()').remove(
      messageId,
      reactionType,
    );
  }

  /**
   * Every reaction to a message of the active channel, newest first, paging through the server's
   * answers (`withReactions()`).
   * @throws StreamChatError `feature-not-provided` without `withReactions()`; the server's error.
   */
  async getMessageReactions(messageId: string): Promise<ReactionResponse[]> {
    return this.feature<ReactionCommands>(
      'reactions',
      'getMessageReactions()',
      'withReactions()',
    ).list(messageId);
  }

  /**
   * Uploads files to the active channel and resolves with each one's outcome (`'success'` with
   * its `url`, or `'error'` with a typed `error` and the vendor's `errorReason`), in order. First
   * every file is checked against the app's limits (`file_upload_config` / `image_upload_config`
   * of `client.getAppSettings()`, read once per session; when they cannot be read, the files are
   * sent and the server checks them). Meanwhile `attachmentUploads$` lists each file as
   * `'uploading'` with its `progress` (0 to 1, as the browser reports it). Pass a failed upload
   * again to retry it: its entry is replaced. Images (`type: 'image'`) go to `sendImage()` or
   * `customImageUploadRequest`, other files to `sendFile()` or `customFileUploadRequest`
   * (`withAttachments()`).
   * @throws StreamChatError `invalid-input` naming each file and limit when files break the app's
   * limits (nothing is uploaded, the list is unchanged), for uploads without a `File`, or when no
   * channel is active; `feature-not-provided` without `withAttachments()`.
   *
   * @example
   * const uploads = await channelService.uploadAttachments([...input.files].map(attachmentUploadOf));
   * await channelService.sendMessage(text, attachmentsOf(channelService.attachmentUploads()));
   */
  async uploadAttachments(uploads: AttachmentUpload[]): Promise<AttachmentUpload[]> {
    return this.feature<AttachmentCommands>(
      'attachments',
      'uploadAttachments()',
      'withAttachments()',
    ).upload(uploads);
  }

  /**
   * Removes an upload from `attachmentUploads$`, deleting its file from the server (or through
   * `customFileDeleteRequest` / `customImageDeleteRequest`) when it was uploaded; an upload still
   * uploading is deleted once it is uploaded (`withAttachments()`).
   * @throws StreamChatError the server's error (the upload stays listed); `invalid-input` without
   * an active channel; `feature-not-provided` without `withAttachments()`.
   */
  async deleteAttachment(attachmentUpload: AttachmentUpload): Promise<void> {
    await this.feature<AttachmentCommands>(
      'attachments',
      'deleteAttachment()',
      'withAttachments()',
    ).remove(attachmentUpload);
  }

  /**
   * Loads the messages around `messageId` (and, for a thread reply, opens its thread around it
   * with `withThreads()`) and publishes it on `jumpToMessage$`, so the list can scroll to it and
   * highlight it; `loadMoreMessages('newer')` then loads towards the latest messages.
   * @throws StreamChatError `invalid-input` when no channel is active; the server's error (for a
   * message that does not exist, too).
   */
  async jumpToMessage(messageId: string, parentMessageId?: string): Promise<void> {
    await this.required<MessageJumpCommands>('messageJump', 'jumpToMessage()').jump(
      messageId,
      parentMessageId,
    );
  }

  /** Forgets the jump target: `jumpToMessage$` emits `{}`. */
  clearMessageJump(): void {
    this.commands<MessageJumpCommands>('messageJump')?.clear();
  }

  /**
   * Marks the active channel unread from `messageId` on (that message and the newer ones). The
   * channel is not marked read again while it stays active, until the user sends a message.
   * @throws StreamChatError `not-allowed` without the `read-events` capability; `invalid-input`
   * when no channel is active or the message is not loaded; the server's error.
   */
  async markMessageUnread(messageId: string): Promise<void> {
    await this.required<ActiveChannelCommands>('activeChannel', 'markMessageUnread()').markUnread(
      messageId,
    );
  }

  /**
   * The active channel's members (the user excluded) whose name or id matches `searchTerm`, for
   * mention autocomplete: searched locally when the client holds every member, on the server
   * otherwise. `[]` when no channel is active.
   * @throws StreamChatError when the server refuses.
   */
  async autocompleteMembers(searchTerm: string): Promise<ChannelMemberResponse[]> {
    const channel = this.activeChannel();
    if (!channel) return [];
    try {
      return await autocompleteChannelMembers(channel, searchTerm, (work) =>
        this.zone.runOutsideAngular(work),
      );
    } catch (error) {
      throw fromVendorError(error, 'ChannelService.autocompleteMembers()');
    }
  }

  /**
   * Puts a watched channel on top of the list, if it is not listed; the vendor's way to show a
   * channel the app created or found.
   * @throws StreamChatError `invalid-input` before `init()`.
   */
  addChannel(channel: Channel): void {
    this.required<ChannelListCommands>('channelList', 'addChannel()').add(channel);
  }

  /**
   * Takes the channel off the list (deselecting it if it is active) and, unless
   * `shouldStopWatching` is `false`, stops watching it.
   * @throws StreamChatError `invalid-input` before `init()`.
   */
  removeChannel(cid: string, shouldStopWatching = true): void {
    this.required<ChannelListCommands>('channelList', 'removeChannel()').remove(
      cid,
      shouldStopWatching,
    );
  }

  /**
   * Uploads files that are not images to storage of your own instead of Stream's; the vendor's
   * property, also set by `withAttachments({ customFileUploadRequest })`. `undefined`: Stream's.
   * Read at every upload; there is no progress to show for it (0, then 1).
   *
   * @example
   * channelService.customFileUploadRequest = async (file, channel) => ({ file: await myCdn.put(file) });
   */
  get customFileUploadRequest(): AttachmentUploadRequest | undefined {
    return this.attachmentRequests.customFileUploadRequest;
  }
  /** Sets the file upload request; see the getter. */
  set customFileUploadRequest(request: AttachmentUploadRequest | undefined) {
    this.attachmentRequests.customFileUploadRequest = request;
  }

  /**
   * Uploads images to storage of your own instead of Stream's; the vendor's property, also set by
   * `withAttachments({ customImageUploadRequest })`. `undefined`: Stream's.
   */
  get customImageUploadRequest(): AttachmentUploadRequest | undefined {
    return this.attachmentRequests.customImageUploadRequest;
  }
  /** Sets the image upload request; see the getter. */
  set customImageUploadRequest(request: AttachmentUploadRequest | undefined) {
    this.attachmentRequests.customImageUploadRequest = request;
  }

  /**
   * Deletes files uploaded by `customFileUploadRequest`, by URL; the vendor's property, also set by
   * `withAttachments({ customFileDeleteRequest })`. `undefined`: Stream's.
   */
  get customFileDeleteRequest(): AttachmentDeleteRequest | undefined {
    return this.attachmentRequests.customFileDeleteRequest;
  }
  /** Sets the file delete request; see the getter. */
  set customFileDeleteRequest(request: AttachmentDeleteRequest | undefined) {
    this.attachmentRequests.customFileDeleteRequest = request;
  }

  /**
   * Deletes images uploaded by `customImageUploadRequest`, by URL; the vendor's property, also set
   * by `withAttachments({ customImageDeleteRequest })`. `undefined`: Stream's.
   */
  get customImageDeleteRequest(): AttachmentDeleteRequest | undefined {
    return this.attachmentRequests.customImageDeleteRequest;
  }
  /** Sets the image delete request; see the getter. */
  set customImageDeleteRequest(request: AttachmentDeleteRequest | undefined) {
    this.attachmentRequests.customImageDeleteRequest = request;
  }

  /**
   * The channel's unread message count, live: it rises as others' messages arrive and drops to 0
   * when the channel is read. Counts listed channels and the active one; 0 for other channels and
   * after `reset()`. The user's total is `ChatClientService.user$`'s `total_unread_count`.
   */
  unreadCount$(channel: Channel): Observable<number> {
    return this.surface.state$.pipe(
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

  private readonly unreadCounts = this.surface.signal('unreadCounts');

  /** The current session's commands of a slice, if there is a session. */
  private commands<C>(name: string): C | undefined {
    return this.session?.commands<C>(name);
  }

  /** A core slice's commands. @throws StreamChatError before `init()`. */
  private required<C>(name: string, call: string): C {
    const commands = this.commands<C>(name);
    if (!commands) throw channelsNotInitializedError(call);
    return commands;
  }

  /** An optional feature's commands. @throws StreamChatError when it was not added, or before `init()`. */
  private feature<C>(name: string, call: string, feature: string): C {
    if (!this.slices.some((slice) => slice.name === name)) {
      throw featureNotProvidedError(call, feature);
    }
    return this.required<C>(name, call);
  }
}
