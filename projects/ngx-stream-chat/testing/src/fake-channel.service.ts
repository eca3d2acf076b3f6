import { Injectable, Signal, computed, inject } from '@angular/core';
import {
  AttachmentDeleteRequest,
  AttachmentUpload,
  AttachmentUploadRequest,
  ChannelEventHandler,
  ChannelListOptions,
  ChannelNotificationHandler,
  ChannelPaginator,
  ChannelQueryResult,
  ChannelQueryState,
  ChannelQueryType,
  ChannelService,
  ChatMessage,
  MessageInput,
  MessageJumpTarget,
  OutgoingMessage,
  StreamChatError,
} from 'ngx-stream-chat';
import { toSignal } from '@angular/core/rxjs-interop';
import { BehaviorSubject, Observable, distinctUntilChanged, map } from 'rxjs';
import type {
  Attachment,
  Channel,
  ChannelFilters,
  ChannelMemberResponse,
  ChannelSort,
  MessageResponse,
  ReactionResponse,
  UserResponse,
} from 'stream-chat';
import { notSimulatedError } from './fake-calls';
import { FakeChatBackend } from './fake-chat-backend';
import { fakeMessage } from './fake-data';
import { MethodNameOf, PublicSurfaceOf } from './public-surface';
import { withReaction, withoutReaction } from './fake-reactions';
import { fakeUploadUrl, putUploads, uploadStart, withoutUploads } from './fake-uploads';

/** The methods of `ChannelService`, as `fakes.channels.failNext()` names them. */
export type ChannelMethod = MethodNameOf<ChannelService>;

/** The error of a call that needs an active channel, made without one. */
function noActiveChannel(call: string): StreamChatError {
  return new StreamChatError(
    'invalid-input',
    `ChannelService.${call} needs an active channel (fake).`,
  );
}

/**
 * An in-memory `ChannelService` over the fakes' state: `init()` lists the channels of
 * `fakes.channels.set()`, `setAsActiveChannel()` shows the channel's messages, and the commands
 * change the messages as the real service does once the server agreed (`sendMessage()` appends a
 * message of the connected user, `addReaction()` updates counts and `own_reactions`...). Every
 * call is recorded; `fakes.channels.failNext(method)` makes the next call fail as when the server
 * refuses. It behaves as if every optional feature were added; uploads succeed at once, at a URL
 * nothing answers at. Message actions (`sendAction()`) are not simulated: they reject with a
 * `StreamChatError` saying so. Its type is
 * checked against the real service's public members, so it cannot fall behind.
 */
@Injectable()
export class FakeChannelService implements PublicSurfaceOf<ChannelService> {
  private readonly backend = inject(FakeChatBackend);
  private readonly state = this.backend.channels;
  private readonly unreadSignals = new Map<string, Signal<number>>();

  /** The channel list, as the real `channels$`. */
  readonly channels$: Observable<Channel[] | undefined> = this.state.observable('channels');
  /** The same value as `channels$`, as a signal. */
  readonly channels: Signal<Channel[] | undefined> = this.state.signal('channels');
  /** Whether `loadMoreChannels()` may find more. */
  readonly hasMoreChannels$: Observable<boolean> = this.state.observable('hasMoreChannels');
  /** The same value as `hasMoreChannels$`, as a signal. */
  readonly hasMoreChannels: Signal<boolean> = this.state.signal('hasMoreChannels');
  /** Where the latest channel query stands. */
  readonly channelQueryState$: Observable<ChannelQueryState | undefined> =
    this.state.observable('channelQueryState');
  /** The same value as `channelQueryState$`, as a signal. */
  readonly channelQueryState: Signal<ChannelQueryState | undefined> =
    this.state.signal('channelQueryState');
  /** The active channel. */
  readonly activeChannel$: Observable<Channel | undefined> = this.state.observable('activeChannel');
  /** The same value as `activeChannel$`, as a signal. */
  readonly activeChannel: Signal<Channel | undefined> = this.state.signal('activeChannel');
  /** The active channel's messages, oldest first. */
  readonly activeChannelMessages$: Observable<ChatMessage[]> =
    this.state.observable('activeChannelMessages');
  /** The same value as `activeChannelMessages$`, as a signal. */
  readonly activeChannelMessages: Signal<ChatMessage[]> =
    this.state.signal('activeChannelMessages');
  /** Whether older messages may be loaded. */
  readonly hasMoreMessages$: Observable<boolean> = this.state.observable('hasMoreMessages');
  /** The same value as `hasMoreMessages$`, as a signal. */
  readonly hasMoreMessages: Signal<boolean> = this.state.signal('hasMoreMessages');
  /** The active channel's pinned messages. */
  readonly activeChannelPinnedMessages$: Observable<ChatMessage[]> = this.state.observable(
    'activeChannelPinnedMessages',
  );
  /** The same value as `activeChannelPinnedMessages$`, as a signal. */
  readonly activeChannelPinnedMessages: Signal<ChatMessage[]> = this.state.signal(
    'activeChannelPinnedMessages',
  );
  /** Who else is typing in the active channel (`fakes.channels.setTyping()`). */
  readonly usersTypingInChannel$: Observable<UserResponse[]> =
    this.state.observable('usersTypingInChannel');
  /** The same value as `usersTypingInChannel$`, as a signal. */
  readonly usersTypingInChannel: Signal<UserResponse[]> = this.state.signal('usersTypingInChannel');
  /** The message the composer quotes. */
  readonly messageToQuote$: Observable<ChatMessage | undefined> =
    this.state.observable('messageToQuote');
  /** The same value as `messageToQuote$`, as a signal. */
  readonly messageToQuote: Signal<ChatMessage | undefined> = this.state.signal('messageToQuote');
  /** The open thread's parent id. */
  readonly activeParentMessageId$: Observable<string | undefined> =
    this.state.observable('activeParentMessageId');
  /** The same value as `activeParentMessageId$`, as a signal. */
  readonly activeParentMessageId: Signal<string | undefined> =
    this.state.signal('activeParentMessageId');
  /** The open thread's parent message. */
  readonly activeParentMessage$: Observable<ChatMessage | undefined> =
    this.state.observable('activeParentMessage');
  /** The same value as `activeParentMessage$`, as a signal. */
  readonly activeParentMessage: Signal<ChatMessage | undefined> =
    this.state.signal('activeParentMessage');
  /** The open thread's replies, oldest first. */
  readonly activeThreadMessages$: Observable<ChatMessage[]> =
    this.state.observable('activeThreadMessages');
  /** The same value as `activeThreadMessages$`, as a signal. */
  readonly activeThreadMessages: Signal<ChatMessage[]> = this.state.signal('activeThreadMessages');
  /** Whether older replies may be loaded. */
  readonly hasMoreThreadReplies$: Observable<boolean> =
    this.state.observable('hasMoreThreadReplies');
  /** The same value as `hasMoreThreadReplies$`, as a signal. */
  readonly hasMoreThreadReplies: Signal<boolean> = this.state.signal('hasMoreThreadReplies');
  /** Who else is typing in the open thread. */
  readonly usersTypingInThread$: Observable<UserResponse[]> =
    this.state.observable('usersTypingInThread');
  /** The same value as `usersTypingInThread$`, as a signal. */
  readonly usersTypingInThread: Signal<UserResponse[]> = this.state.signal('usersTypingInThread');
  /** The composer's uploads (`uploadAttachments()`, `fakes.channels.setUploads()`). */
  readonly attachmentUploads$: Observable<AttachmentUpload[]> =
    this.state.observable('attachmentUploads');
  /** The same value as `attachmentUploads$`, as a signal. */
  readonly attachmentUploads: Signal<AttachmentUpload[]> = this.state.signal('attachmentUploads');
  /** The last message read when the active channel was opened or marked unread. */
  readonly activeChannelLastReadMessageId$: Observable<string | undefined> = this.state.observable(
    'activeChannelLastReadMessageId',
  );
  /** The same value as `activeChannelLastReadMessageId$`, as a signal. */
  readonly activeChannelLastReadMessageId: Signal<string | undefined> = this.state.signal(
    'activeChannelLastReadMessageId',
  );
  /** The active channel's unread count when it was opened or marked unread. */
  readonly activeChannelUnreadCount$: Observable<number | undefined> = this.state.observable(
    'activeChannelUnreadCount',
  );
  /** The same value as `activeChannelUnreadCount$`, as a signal. */
  readonly activeChannelUnreadCount: Signal<number | undefined> = this.state.signal(
    'activeChannelUnreadCount',
  );
  /** The jump target of `jumpToMessage()`. */
  readonly jumpToMessage$: Observable<MessageJumpTarget> = this.state.observable('jumpToMessage');
  /** The same value as `jumpToMessage$`, as a signal. */
  readonly jumpToMessageTarget: Signal<MessageJumpTarget> = this.state.signal('jumpToMessage');
  /** Whether newer messages may be loaded. */
  readonly hasMoreNewerMessages$: Observable<boolean> =
    this.state.observable('hasMoreNewerMessages');
  /** The same value as `hasMoreNewerMessages$`, as a signal. */
  readonly hasMoreNewerMessages: Signal<boolean> = this.state.signal('hasMoreNewerMessages');
  /** `'start'` while `setAsActiveChannel()` switches, then `'end'`. */
  readonly channelSwitchState$: Observable<'start' | 'end'> =
    this.state.observable('channelSwitchState');
  /** The same value as `channelSwitchState$`, as a signal. */
  readonly channelSwitchState: Signal<'start' | 'end'> = this.state.signal('channelSwitchState');
  /** When the user last sent a message, per cid. */
  readonly latestMessageDateByUserByChannels$: Observable<Record<string, Date>> =
    this.state.observable('latestMessageDateByUserByChannels');
  /** The same value as `latestMessageDateByUserByChannels$`, as a signal. */
  readonly latestMessageDateByUserByChannels: Signal<Record<string, Date>> = this.state.signal(
    'latestMessageDateByUserByChannels',
  );
  /** The bounced message the user chose to act on, as the real service's subject. */
  readonly bouncedMessage$ = new BehaviorSubject<ChatMessage | undefined>(undefined);
  /** The same value as `bouncedMessage$`, as a signal. */
  readonly bouncedMessage: Signal<ChatMessage | undefined> = toSignal(this.bouncedMessage$, {
    requireSync: true,
  });

  /** Stored, not called: the fakes deliver no notifications. */
  customNewMessageNotificationHandler: ChannelNotificationHandler | undefined;
  /** Stored, not called: the fakes deliver no notifications. */
  customAddedToChannelNotificationHandler: ChannelNotificationHandler | undefined;
  /** Stored, not called: the fakes deliver no notifications. */
  customRemovedFromChannelNotificationHandler: ChannelNotificationHandler | undefined;
  /** Stored, not called: the fakes deliver no channel events. */
  customChannelDeletedHandler: ChannelEventHandler | undefined;
  /** Stored, not called: the fakes deliver no channel events. */
  customChannelUpdatedHandler: ChannelEventHandler | undefined;
  /** Stored, not called: the fakes deliver no channel events. */
  customChannelTruncatedHandler: ChannelEventHandler | undefined;
  /** Stored, not called: the fakes deliver no channel events. */
  customChannelHiddenHandler: ChannelEventHandler | undefined;
  /** Stored, not called: the fakes deliver no channel events. */
  customChannelVisibleHandler: ChannelEventHandler | undefined;
  /** Stored, not called: the fakes deliver no channel events. */
  customNewMessageHandler: ChannelEventHandler | undefined;
  /** Called by `sendMessage()` as the real service calls it. */
  beforeSendMessage: ((input: MessageInput) => MessageInput | Promise<MessageInput>) | undefined;
  /** Called by `updateMessage()` as the real service calls it. */
  beforeUpdateMessage: ((message: ChatMessage) => ChatMessage | Promise<ChatMessage>) | undefined;
  /** Asked by `deleteMessage()` as the real service asks it. */
  messageDeleteConfirmationHandler: ((message: ChatMessage) => Promise<boolean>) | undefined;
  /** Stored, not called: the fakes have no pages of channels. */
  customPaginator: ChannelPaginator | undefined;
  /** Stored, not called: the fakes upload nothing to a server. */
  customFileUploadRequest: AttachmentUploadRequest | undefined;
  /** Stored, not called: the fakes upload nothing to a server. */
  customImageUploadRequest: AttachmentUploadRequest | undefined;
  /** Stored, not called: the fakes upload nothing to a server. */
  customFileDeleteRequest: AttachmentDeleteRequest | undefined;
  /** Stored, not called: the fakes upload nothing to a server. */
  customImageDeleteRequest: AttachmentDeleteRequest | undefined;
  /** Whether `setAsActiveChannel()` marks the channel read; setting `true` marks the active one. */
  get shouldMarkActiveChannelAsRead(): boolean {
    return this.backend.readMode.markActiveChannelAsRead;
  }
  /** Sets whether the active channel is marked read; see the getter. */
  set shouldMarkActiveChannelAsRead(value: boolean) {
    this.backend.readMode.markActiveChannelAsRead = value;
    const active = this.state.value.activeChannel;
    if (value && active) this.backend.setUnread(active.cid, 0);
  }

  /**
   * Lists the channels of `fakes.channels.set()` (the filters are recorded, not evaluated) and
   * activates the first one unless `activateFirstChannel: false`.
   * @throws StreamChatError `invalid-input` when nobody is connected; the error of `failNext('init')`.
   */
  async init(
    filters: ChannelFilters,
    sort?: ChannelSort,
    options?: ChannelListOptions,
    shouldSetActiveChannel?: boolean,
  ): Promise<Channel[]> {
    this.record('init', [filters, sort, options, shouldSetActiveChannel]);
    const activate = shouldSetActiveChannel ?? options?.activateFirstChannel ?? true;
    return this.list(
      'init',
      async () => ({
        channels: this.state.value.serverChannels,
        hasMorePage: false,
      }),
      activate,
    );
  }

  /** Lists the channels `query('first-page')` resolves with, as the real service does. */
  async initWithCustomQuery(
    query: (queryType: ChannelQueryType) => Promise<ChannelQueryResult>,
    options?: { shouldSetActiveChannel?: boolean; messagePageSize?: number },
  ): Promise<Channel[]> {
    this.record('initWithCustomQuery', [query, options]);
    return this.list(
      'initWithCustomQuery',
      () => query('first-page'),
      options?.shouldSetActiveChannel ?? true,
    );
  }

  /** Clears the list, the active channel and its state; the messages held per channel stay. */
  reset(): void {
    this.record('reset', []);
    this.backend.resetChannels();
    this.unreadSignals.clear();
    if (this.bouncedMessage$.value !== undefined) this.bouncedMessage$.next(undefined);
  }

  /**
   * Appends the page queued with `fakes.channels.queueNextPage()`; does nothing when
   * `hasMoreChannels` is false. Never rejects, as the real service: with more to load but no page
   * queued (the fakes invent none), or after `failNext()`, the error goes to `channelQueryState$`.
   */
  async loadMoreChannels(): Promise<void> {
    this.record('loadMoreChannels', []);
    const { channels, hasMoreChannels } = this.state.value;
    if (!channels || !hasMoreChannels) return;
    const failure = await this.backend.calls.settle('ChannelService', 'loadMoreChannels');
    const page = failure ? undefined : this.backend.takePage<Channel>('channels');
    if (!page) {
      const error =
        failure ??
        notSimulatedError(
          'ChannelService.loadMoreChannels()',
          'queue the next page with fakes.channels.queueNextPage().',
        );
      this.backend.updateChannels({ channelQueryState: { state: 'error', error } });
      return;
    }
    const listed = new Set(channels.map((channel) => channel.cid));
    this.backend.updateChannels({
      channels: [...channels, ...page.items.filter((channel) => !listed.has(channel.cid))],
      hasMoreChannels: page.hasMore,
      channelQueryState: { state: 'success' },
    });
  }

  /**
   * Makes `channel` active: its messages (`fakes.messages.set()`) are listed, the quote, jump and
   * uploads are cleared, its unread count is kept on `activeChannelUnreadCount` and set to 0 when
   * `shouldMarkActiveChannelAsRead`.
   * @throws StreamChatError `invalid-input` before `init()`; the error of `failNext()`.
   */
  async setAsActiveChannel(channel: Channel): Promise<void> {
    this.record('setAsActiveChannel', [channel]);
    this.initialized('setAsActiveChannel()');
    this.backend.updateChannels({ channelSwitchState: 'start' });
    const failure = await this.backend.calls.settle('ChannelService', 'setAsActiveChannel');
    if (failure) {
      this.backend.updateChannels({ channelSwitchState: 'end' });
      throw failure;
    }
    const unread = this.state.value.unreadCounts[channel.cid] ?? 0;
    this.backend.readMode.markedUnread = false;
    this.backend.updateChannels({
      activeChannel: channel,
      messageToQuote: undefined,
      jumpToMessage: {},
      attachmentUploads: [],
      activeParentMessageId: undefined,
      usersTypingInChannel: [],
      usersTypingInThread: [],
      hasMoreMessages: false,
      hasMoreNewerMessages: false,
      activeChannelUnreadCount: unread,
      activeChannelLastReadMessageId: this.lastReadBefore(channel.cid, unread),
      unreadCounts: this.backend.readMode.markActiveChannelAsRead
        ? { ...this.state.value.unreadCounts, [channel.cid]: 0 }
        : this.state.value.unreadCounts,
      channelSwitchState: 'end',
    });
  }

  /** Clears the active channel. */
  deselectActiveChannel(): void {
    this.record('deselectActiveChannel', []);
    this.backend.updateChannels({
      activeChannel: undefined,
      activeParentMessageId: undefined,
      usersTypingInChannel: [],
      activeChannelLastReadMessageId: undefined,
      activeChannelUnreadCount: undefined,
    });
  }

  /**
   * Loads the page queued with `fakes.messages.queuePage()`: older messages before the list, newer
   * ones after it. Does nothing when there is nothing more to load (`hasMoreMessages` /
   * `hasMoreNewerMessages`, see `fakes.channels.setPaging()`) or no channel is active.
   * @throws StreamChatError when there is more to load but no page queued (the fakes invent
   * none); the error of `failNext()`.
   */
  async loadMoreMessages(direction?: 'older' | 'newer'): Promise<void> {
    this.record('loadMoreMessages', [direction]);
    const { activeChannel, hasMoreMessages, hasMoreNewerMessages } = this.state.value;
    const more = direction === 'newer' ? hasMoreNewerMessages : hasMoreMessages;
    if (!activeChannel || !more) return;
    const failure = await this.backend.calls.settle('ChannelService', 'loadMoreMessages');
    if (failure) throw failure;
    const page = this.backend.takePage<ChatMessage>(`${direction ?? 'older'}:${activeChannel.cid}`);
    if (!page) {
      throw notSimulatedError(
        'ChannelService.loadMoreMessages()',
        'queue the page with fakes.messages.queuePage().',
      );
    }
    const current = this.backend.messagesOf(activeChannel.cid);
    this.backend.setMessages(
      activeChannel.cid,
      direction === 'newer' ? [...current, ...page.items] : [...page.items, ...current],
    );
    this.backend.updateChannels(
      direction === 'newer'
        ? { hasMoreNewerMessages: page.hasMore }
        : { hasMoreMessages: page.hasMore },
    );
  }

  /**
   * Appends a message of the connected user to the active channel (or the thread of `parentId`),
   * `'received'`, and resolves with it; after `failNext('sendMessage')` it is listed `'failed'`
   * with that `sendError`, and resolves with it, as the real service does.
   * @throws StreamChatError `invalid-input` when no channel is active.
   */
  sendMessage(
    text: string,
    attachments?: Attachment[],
    mentionedUsers?: UserResponse[],
    parentId?: string,
    quotedMessageId?: string,
    customData?: Record<string, unknown>,
  ): Promise<ChatMessage>;
  /** Sends a message with any message fields; see the other form. */
  sendMessage(text: string, extra?: OutgoingMessage): Promise<ChatMessage>;
  async sendMessage(
    text: string,
    attachmentsOrExtra?: Attachment[] | OutgoingMessage,
    mentionedUsers?: UserResponse[],
    parentId?: string,
    quotedMessageId?: string,
    customData?: Record<string, unknown>,
  ): Promise<ChatMessage> {
    this.record('sendMessage', [
      text,
      attachmentsOrExtra,
      mentionedUsers,
      parentId,
      quotedMessageId,
      customData,
    ]);
    const channel = this.state.value.activeChannel;
    if (!channel) throw noActiveChannel('sendMessage()');
    let input: MessageInput =
      Array.isArray(attachmentsOrExtra) || !attachmentsOrExtra
        ? {
            text,
            attachments: attachmentsOrExtra ?? [],
            mentionedUsers: mentionedUsers ?? [],
            parentId,
            quotedMessageId,
            customData,
          }
        : {
            text,
            attachments: attachmentsOrExtra.attachments ?? [],
            mentionedUsers: (attachmentsOrExtra.mentioned_users ?? []).map((id) => ({ id })),
            parentId: attachmentsOrExtra.parent_id,
            quotedMessageId: attachmentsOrExtra.quoted_message_id,
            customData: undefined,
          };
    if (this.beforeSendMessage) input = await this.beforeSendMessage(input);
    const user = this.backend.client.value.user;
    const message = fakeMessage({
      ...input.customData,
      ...(Array.isArray(attachmentsOrExtra) || !attachmentsOrExtra?.id
        ? {}
        : { id: attachmentsOrExtra.id }),
      text: input.text,
      cid: channel.cid,
      user: user ? { id: user.id, name: user.name, image: user.image } : null,
      attachments: input.attachments,
      mentioned_users: input.mentionedUsers,
      parent_id: input.parentId,
      quoted_message_id: input.quotedMessageId,
      status: 'sending',
    });
    this.backend.setMessages(channel.cid, [...this.backend.messagesOf(channel.cid), message]);
    const failure = await this.backend.calls.settle('ChannelService', 'sendMessage');
    this.backend.changeMessage(channel.cid, message.id, (sending) =>
      failure
        ? { ...sending, status: 'failed', sendError: failure, errorMessage: failure.message }
        : { ...sending, status: 'received' },
    );
    if (!failure) {
      this.backend.readMode.markedUnread = false;
      if (input.parentId) {
        this.backend.changeMessage(channel.cid, input.parentId, (parent) => ({
          ...parent,
          reply_count: (parent.reply_count ?? 0) + 1,
        }));
      }
      this.backend.updateChannels({
        latestMessageDateByUserByChannels: {
          ...this.state.value.latestMessageDateByUserByChannels,
          [channel.cid]: message.created_at,
        },
      });
    }
    return this.find(channel.cid, message.id) ?? message;
  }

  /**
   * Sends a failed message again: `'received'` now, or `'failed'` again after `failNext()`.
   * @throws StreamChatError `invalid-input` when the message has not failed.
   */
  async resendMessage(message: ChatMessage): Promise<ChatMessage> {
    this.record('resendMessage', [message]);
    const cid = this.state.value.activeChannel?.cid;
    if (!cid) throw noActiveChannel('resendMessage()');
    if (this.find(cid, message.id)?.status !== 'failed') {
      throw new StreamChatError(
        'invalid-input',
        `resendMessage(): message "${message.id}" has not failed (fake).`,
      );
    }
    this.backend.changeMessage(cid, message.id, (failed) => ({ ...failed, status: 'sending' }));
    const failure = await this.backend.calls.settle('ChannelService', 'resendMessage');
    this.backend.changeMessage(cid, message.id, (sending) =>
      failure
        ? { ...sending, status: 'failed', sendError: failure, errorMessage: failure.message }
        : { ...sending, status: 'received', sendError: undefined, errorMessage: undefined },
    );
    return this.find(cid, message.id) as ChatMessage;
  }

  /** Replaces the message's text, marking it edited. @throws StreamChatError for a message not loaded. */
  async updateMessage(message: ChatMessage): Promise<ChatMessage> {
    const cid = await this.command('updateMessage', [message]);
    const edit = this.beforeUpdateMessage ? await this.beforeUpdateMessage(message) : message;
    this.loaded(cid, edit.id, 'updateMessage()');
    const now = new Date();
    this.backend.changeMessage(cid, edit.id, (current) => ({
      ...current,
      ...edit,
      status: 'received',
      updated_at: now,
      message_text_updated_at: now.toISOString(),
    }));
    return this.find(cid, edit.id) as ChatMessage;
  }

  /**
   * Deletes the message (type `'deleted'`, `deleted_at` set), or only takes it off the list when
   * `isLocalDelete`; asks `messageDeleteConfirmationHandler` first, as the real service does.
   */
  async deleteMessage(message: ChatMessage, isLocalDelete?: boolean): Promise<void> {
    const cid = await this.command('deleteMessage', [message, isLocalDelete]);
    this.loaded(cid, message.id, 'deleteMessage()');
    const confirm = this.messageDeleteConfirmationHandler;
    if (!isLocalDelete && confirm && !(await confirm(message))) return;
    if (isLocalDelete) {
      this.backend.setMessages(
        cid,
        this.backend.messagesOf(cid).filter((m) => m.id !== message.id),
      );
    } else {
      this.backend.changeMessage(cid, message.id, (current) => ({
        ...current,
        type: 'deleted',
        deleted_at: new Date(),
      }));
    }
  }

  /** Pins the message: it joins `activeChannelPinnedMessages$`. */
  async pinMessage(message: ChatMessage): Promise<void> {
    await this.setPinned('pinMessage', message, true);
  }

  /** Unpins the message. */
  async unpinMessage(message: ChatMessage): Promise<void> {
    await this.setPinned('unpinMessage', message, false);
  }

  /** Not simulated: rejects with a `StreamChatError` saying so. */
  async sendAction(
    messageId: string,
    formData: Record<string, string>,
    parentMessageId?: string,
  ): Promise<void> {
    this.record('sendAction', [messageId, formData, parentMessageId]);
    throw notSimulatedError(
      'ChannelService.sendAction()',
      'test message actions against the emulator.',
    );
  }

  /** Sets the quoted message. */
  selectMessageToQuote(message: ChatMessage | MessageResponse | undefined): void {
    this.record('selectMessageToQuote', [message]);
    this.backend.updateChannels({ messageToQuote: message as ChatMessage | undefined });
  }

  /** Recorded; others' typing is set with `fakes.channels.setTyping()`. */
  async typingStarted(parentId?: string): Promise<void> {
    this.record('typingStarted', [parentId]);
  }

  /** Recorded. */
  async typingStopped(parentId?: string): Promise<void> {
    this.record('typingStopped', [parentId]);
  }

  /** Opens the thread of `message` (its replies among the channel's messages), or closes it. */
  async setAsActiveParentMessage(
    message: ChatMessage | MessageResponse | undefined,
    loadMessagesFrom?: 'request' | 'state',
  ): Promise<void> {
    await this.command('setAsActiveParentMessage', [message, loadMessagesFrom]);
    this.backend.updateChannels({ activeParentMessageId: message?.id, usersTypingInThread: [] });
  }

  /**
   * Loads the page of older replies queued with `fakes.messages.queuePage(replies, { parentId })`
   * into the open thread; otherwise as `loadMoreMessages()`.
   */
  async loadMoreThreadReplies(direction?: 'older' | 'newer'): Promise<void> {
    this.record('loadMoreThreadReplies', [direction]);
    const { activeChannel, activeParentMessageId, hasMoreThreadReplies } = this.state.value;
    if (!activeChannel || !activeParentMessageId || !hasMoreThreadReplies) return;
    const failure = await this.backend.calls.settle('ChannelService', 'loadMoreThreadReplies');
    if (failure) throw failure;
    const page = this.backend.takePage<ChatMessage>(`replies:${activeParentMessageId}`);
    if (!page) {
      throw notSimulatedError(
        'ChannelService.loadMoreThreadReplies()',
        'queue the replies with fakes.messages.queuePage(replies, { parentId }).',
      );
    }
    const current = this.backend.messagesOf(activeChannel.cid);
    this.backend.setMessages(activeChannel.cid, [...page.items, ...current]);
    this.backend.updateChannels({ hasMoreThreadReplies: page.hasMore });
  }

  /** Adds the user's reaction: `reaction_counts`, `own_reactions` and `latest_reactions` change. */
  async addReaction(
    messageId: string,
    reactionType: string,
    customData?: Record<string, unknown>,
  ): Promise<void> {
    const cid = await this.command('addReaction', [messageId, reactionType, customData]);
    this.loaded(cid, messageId, 'addReaction()');
    const user = this.backend.client.value.user;
    this.backend.changeMessage(cid, messageId, (message) =>
      withReaction(message, reactionType, user, customData),
    );
  }

  /** Removes the user's reaction. */
  async removeReaction(messageId: string, reactionType: string): Promise<void> {
    const cid = await this.command('removeReaction', [messageId, reactionType]);
    this.loaded(cid, messageId, 'removeReaction()');
    const userId = this.backend.client.value.user?.id;
    this.backend.changeMessage(cid, messageId, (message) =>
      withoutReaction(message, reactionType, userId),
    );
  }

  /** The message's `latest_reactions`, newest first. */
  async getMessageReactions(messageId: string): Promise<ReactionResponse[]> {
    const cid = await this.command('getMessageReactions', [messageId]);
    const message = this.loaded(cid, messageId, 'getMessageReactions()');
    return [...(message.latest_reactions ?? [])].reverse() as ReactionResponse[];
  }

  /**
   * Lists each upload `'uploading'` (progress 0), then `'success'` (progress 1) with a URL nothing
   * answers at (`https://uploads.fake.invalid/<cid>/<file name>`), and resolves with the outcomes;
   * an upload removed meanwhile stays off the list. `fakes.channels.holdNext('uploadAttachments')`
   * keeps them uploading (`fakes.channels.setUploads()` shows progress meanwhile). After
   * `failNext('uploadAttachments', error)` it takes them off the list and rejects with that error,
   * as the real service does when the app's limits refuse a file; show one file's failure with
   * `fakes.channels.setUploads()` and `state: 'error'`.
   * @throws StreamChatError `invalid-input` when no channel is active.
   */
  async uploadAttachments(uploads: AttachmentUpload[]): Promise<AttachmentUpload[]> {
    this.record('uploadAttachments', [uploads]);
    const cid = this.state.value.activeChannel?.cid;
    if (!cid) throw noActiveChannel('uploadAttachments()');
    const starts = uploads.map(uploadStart);
    this.putUploads(starts);
    const failure = await this.backend.calls.settle('ChannelService', 'uploadAttachments');
    const files = starts.map((start) => start.file);
    if (failure) {
      this.backend.updateChannels({
        attachmentUploads: withoutUploads(this.state.value.attachmentUploads, files),
      });
      throw failure;
    }
    const outcomes = starts.map((start): AttachmentUpload => ({
      ...start,
      state: 'success',
      progress: 1,
      url: fakeUploadUrl(cid, start.file),
    }));
    const listed = this.state.value.attachmentUploads;
    this.putUploads(outcomes.filter((outcome) => listed.some((e) => e.file === outcome.file)));
    return outcomes;
  }

  /**
   * Takes the upload of the file off `attachmentUploads$`, as the real service does once it has
   * deleted an uploaded file. @throws StreamChatError `invalid-input` when no channel is active.
   */
  async deleteAttachment(attachmentUpload: AttachmentUpload): Promise<void> {
    await this.command('deleteAttachment', [attachmentUpload]);
    this.backend.updateChannels({
      attachmentUploads: withoutUploads(this.state.value.attachmentUploads, [
        attachmentUpload.file,
      ]),
    });
  }

  /** Publishes `{ id, parentId }` on `jumpToMessage$`. @throws StreamChatError for a message not loaded. */
  async jumpToMessage(messageId: string, parentMessageId?: string): Promise<void> {
    const cid = await this.command('jumpToMessage', [messageId, parentMessageId]);
    this.loaded(cid, messageId, 'jumpToMessage()');
    this.backend.updateChannels({
      jumpToMessage: { id: messageId, parentId: parentMessageId },
      ...(parentMessageId ? { activeParentMessageId: parentMessageId } : {}),
    });
  }

  /** Forgets the jump target. */
  clearMessageJump(): void {
    this.record('clearMessageJump', []);
    this.backend.updateChannels({ jumpToMessage: {} });
  }

  /** Marks the active channel unread from `messageId` on. */
  async markMessageUnread(messageId: string): Promise<void> {
    const cid = await this.command('markMessageUnread', [messageId]);
    this.loaded(cid, messageId, 'markMessageUnread()');
    const messages = this.state.value.activeChannelMessages;
    const index = messages.findIndex((message) => message.id === messageId);
    const unread = index < 0 ? 0 : messages.length - index;
    this.backend.readMode.markedUnread = true;
    this.backend.updateChannels({
      activeChannelLastReadMessageId: index > 0 ? messages[index - 1].id : undefined,
      activeChannelUnreadCount: unread,
      unreadCounts: { ...this.state.value.unreadCounts, [cid]: unread },
    });
  }

  /** The active channel's members (the user excluded) whose id or name contains the term. */
  async autocompleteMembers(searchTerm: string): Promise<ChannelMemberResponse[]> {
    this.record('autocompleteMembers', [searchTerm]);
    const channel = this.state.value.activeChannel;
    if (!channel) return [];
    const term = searchTerm.toLowerCase();
    const self = this.backend.client.value.user?.id;
    return Object.values(channel.state.members).filter(
      (member) =>
        member.user?.id !== self &&
        (!!member.user?.id.toLowerCase().includes(term) ||
          !!member.user?.name?.toLowerCase().includes(term)),
    );
  }

  /** Puts the channel on top of the list if it is not listed. @throws StreamChatError before `init()`. */
  addChannel(channel: Channel): void {
    this.record('addChannel', [channel]);
    const channels = this.initialized('addChannel()');
    if (!channels.some((listed) => listed.cid === channel.cid)) {
      this.backend.updateChannels({ channels: [channel, ...channels] });
    }
  }

  /** Takes the channel off the list, deselecting it if active. @throws StreamChatError before `init()`. */
  removeChannel(cid: string, shouldStopWatching?: boolean): void {
    this.record('removeChannel', [cid, shouldStopWatching]);
    const channels = this.initialized('removeChannel()');
    const active = this.state.value.activeChannel?.cid === cid;
    this.backend.updateChannels({
      channels: channels.filter((channel) => channel.cid !== cid),
      ...(active ? { activeChannel: undefined, activeParentMessageId: undefined } : {}),
    });
  }

  /** The channel's unread count (`fakes.channels.setUnreadCount()`, `fakes.messages.receive()`). */
  unreadCount$(channel: Channel): Observable<number> {
    return this.state.state$.pipe(
      map((state) => state.unreadCounts[channel.cid] ?? 0),
      distinctUntilChanged(),
    );
  }

  /** The same value as `unreadCount$(channel)`, as a signal (one per channel). */
  unreadCount(channel: Channel): Signal<number> {
    let count = this.unreadSignals.get(channel.cid);
    if (!count) {
      const cid = channel.cid;
      const counts = this.state.signal('unreadCounts');
      count = computed(() => counts()[cid] ?? 0);
      this.unreadSignals.set(cid, count);
    }
    return count;
  }

  /** Lists the channels `first` resolves with, reporting the query state as the real service. */
  private async list(
    method: 'init' | 'initWithCustomQuery',
    first: () => Promise<ChannelQueryResult>,
    activate: boolean,
  ): Promise<Channel[]> {
    if (!this.backend.client.value.user) {
      throw new StreamChatError(
        'invalid-input',
        `ChannelService.${method}() needs a connected user (fake).`,
      );
    }
    this.backend.updateChannels({ channelQueryState: { state: 'in-progress' } });
    const failure = await this.backend.calls.settle('ChannelService', method);
    try {
      if (failure) throw failure;
      const result = await first();
      this.backend.updateChannels({
        channels: result.channels,
        hasMoreChannels: result.hasMorePage,
        channelQueryState: { state: 'success' },
      });
      if (activate && result.channels.length > 0) await this.setAsActiveChannel(result.channels[0]);
      return result.channels;
    } catch (error) {
      const typed =
        error instanceof StreamChatError
          ? error
          : new StreamChatError('unknown', `ChannelService.${method}() failed`, { cause: error });
      this.backend.updateChannels({ channelQueryState: { state: 'error', error: typed } });
      throw typed;
    }
  }

  /** Records a command on the active channel and returns its cid; fails as asked or without one. */
  private async command(method: ChannelMethod, args: unknown[]): Promise<string> {
    this.record(method, args);
    const channel = this.state.value.activeChannel;
    if (!channel) throw noActiveChannel(`${method}()`);
    const failure = await this.backend.calls.settle('ChannelService', method);
    if (failure) throw failure;
    return channel.cid;
  }

  private putUploads(uploads: AttachmentUpload[]): void {
    this.backend.updateChannels({
      attachmentUploads: putUploads(this.state.value.attachmentUploads, uploads),
    });
  }

  private record(method: ChannelMethod, args: unknown[]): void {
    this.backend.calls.record('ChannelService', method, args);
  }

  private initialized(call: string): Channel[] {
    const channels = this.state.value.channels;
    if (!channels) {
      throw new StreamChatError(
        'invalid-input',
        `ChannelService.${call} needs the channel list: call init() or fakes.channels.set() first (fake).`,
      );
    }
    return channels;
  }

  private find(cid: string, id: string): ChatMessage | undefined {
    return this.backend.messagesOf(cid).find((message) => message.id === id);
  }

  private loaded(cid: string, id: string, call: string): ChatMessage {
    const message = this.find(cid, id);
    if (!message) {
      throw new StreamChatError(
        'invalid-input',
        `ChannelService.${call} was given message "${id}", which the active channel does not hold (fake).`,
      );
    }
    return message;
  }

  private async setPinned(
    method: 'pinMessage' | 'unpinMessage',
    message: ChatMessage,
    pinned: boolean,
  ): Promise<void> {
    const cid = await this.command(method, [message]);
    this.loaded(cid, message.id, `${method}()`);
    const user = this.backend.client.value.user;
    this.backend.changeMessage(cid, message.id, (current) => ({
      ...current,
      pinned,
      pinned_at: pinned ? new Date() : null,
      pinned_by: pinned && user ? { id: user.id, name: user.name } : null,
    }));
  }

  /** The message before the `unread` last ones of channel `cid`. */
  private lastReadBefore(cid: string, unread: number): string | undefined {
    const messages = this.backend.messagesOf(cid).filter((m) => !m.parent_id || m.show_in_channel);
    return messages[messages.length - 1 - unread]?.id;
  }
}
