import { Provider, WritableSignal, computed, signal } from '@angular/core';
import {
  AttachmentUpload,
  ChannelService,
  ChatClientService,
  ChatMessage,
  ChatUser,
  ConnectionState,
} from 'ngx-stream-chat';
import { BehaviorSubject, Observable, Subject, map } from 'rxjs';
import type {
  Channel,
  ChannelMemberResponse,
  ReactionResponse,
  Event as StreamEvent,
  UserResponse,
} from 'stream-chat';
import { ChatBackend } from '../chat-backend';
import { CHAT_BACKEND } from '../chat-backend.token';
import { BACKEND_PROBE } from '../connect/backend-probe';

/** The backend the specs run against: the emulator's defaults. */
export const TEST_BACKEND: ChatBackend = {
  apiKey: 'emulator-key',
  baseURL: 'http://127.0.0.1:3100',
  tokenEndpoint: 'http://127.0.0.1:3101/token',
};

/** A writable signal that also emits every value it is set to on `changes$`, synchronously. */
export type MirroredSignal<T> = WritableSignal<T> & { changes$: Observable<T> };

/** A signal with an observable twin, as the library's services have (`x` and `x$`). */
export function mirroredSignal<T>(initial: T): MirroredSignal<T> {
  const state = signal(initial);
  const setState = state.set.bind(state);
  const subject = new BehaviorSubject(initial);
  const set = (value: T) => {
    setState(value);
    subject.next(value);
  };
  return Object.assign(state, {
    set,
    update: (change: (value: T) => T) => set(change(state())),
    changes$: subject.asObservable(),
  });
}

/** A recorded call: the method's name and its arguments. */
export type Call = [method: string, ...args: unknown[]];

/** A stand-in for `ChatClientService`: signals the spec sets, and the calls it received. */
export class FakeChatClientService {
  readonly calls: Call[] = [];
  readonly userState = signal<ChatUser | undefined>(undefined);
  readonly connectionStateValue = signal<ConnectionState>('disconnected');
  readonly user = this.userState.asReadonly();
  readonly connectionState = this.connectionStateValue.asReadonly();
  /** Events the spec emits, as the client would deliver them. */
  readonly eventSubject = new Subject<StreamEvent>();
  /** The client's events in the library's shape: `{ eventType, event }`. */
  readonly events$ = this.eventSubject.pipe(map((event) => ({ eventType: event.type, event })));
  /** The pending invitations, as `ChatClientService.pendingInvites` lists them. */
  readonly pendingInvites = signal<Channel[]>([]);
  /** What `acceptInvite()` and `rejectInvite()` do; drop the invitation by default. */
  inviteBehavior: (channel: Channel) => Promise<void> = (channel) => {
    this.pendingInvites.update((list) => list.filter((item) => item.cid !== channel.cid));
    return Promise.resolve();
  };
  /** What `init()` does; resolves by default. */
  initBehavior: () => Promise<unknown> = () => Promise.resolve(undefined);
  chatClient: { user?: unknown } | undefined;

  init(...args: unknown[]): Promise<unknown> {
    this.calls.push(['init', ...args]);
    return this.initBehavior().then((result) => {
      this.chatClient = { user: { id: 'someone' } };
      return result;
    });
  }

  acceptInvite(channel: Channel): Promise<void> {
    this.calls.push(['acceptInvite', channel.cid]);
    return this.inviteBehavior(channel);
  }

  rejectInvite(channel: Channel): Promise<void> {
    this.calls.push(['rejectInvite', channel.cid]);
    return this.inviteBehavior(channel);
  }

  disconnectUser(): Promise<void> {
    this.calls.push(['disconnectUser']);
    this.chatClient = { user: undefined };
    return Promise.resolve();
  }
}

/** A stand-in for `ChannelService`: writable state and recorded calls. */
export class FakeChannelService {
  readonly calls: Call[] = [];
  readonly channels = signal<Channel[] | undefined>(undefined);
  readonly activeChannel = mirroredSignal<Channel | undefined>(undefined);
  readonly activeChannel$ = this.activeChannel.changes$;
  readonly activeChannelMessages = mirroredSignal<ChatMessage[]>([]);
  readonly activeChannelMessages$ = this.activeChannelMessages.changes$;
  readonly hasMoreChannels = signal(false);
  readonly hasMoreMessages = signal(false);
  readonly channelQueryState = signal<
    { state: 'in-progress' } | { state: 'success' } | { state: 'error'; error: Error } | undefined
  >(undefined);
  readonly usersTypingInChannel = signal<UserResponse[]>([]);
  // The message features: threads, reactions, pins, jumps, quotes and the message actions.
  readonly hasMoreNewerMessages = signal(false);
  readonly activeChannelPinnedMessages = signal<ChatMessage[]>([]);
  readonly activeParentMessageId = signal<string | undefined>(undefined);
  readonly activeParentMessage = signal<ChatMessage | undefined>(undefined);
  readonly activeThreadMessages = signal<ChatMessage[]>([]);
  readonly hasMoreThreadReplies = signal(false);
  readonly usersTypingInThread = signal<UserResponse[]>([]);
  /** What `getMessageReactions()` answers. */
  reactionsBehavior: (messageId: string) => Promise<ReactionResponse[]> = () => Promise.resolve([]);
  /** What the message actions (edit, delete, pin, reactions, threads, unread) do. */
  actionBehavior: (method: string) => Promise<void> = () => Promise.resolve();
  addReaction(messageId: string, type: string): Promise<void> {
    this.calls.push(['addReaction', messageId, type]);
    return this.actionBehavior('addReaction');
  }
  removeReaction(messageId: string, type: string): Promise<void> {
    this.calls.push(['removeReaction', messageId, type]);
    return this.actionBehavior('removeReaction');
  }
  getMessageReactions(messageId: string): Promise<ReactionResponse[]> {
    this.calls.push(['getMessageReactions', messageId]);
    return this.reactionsBehavior(messageId);
  }
  setAsActiveParentMessage(message: ChatMessage | undefined): Promise<void> {
    this.calls.push(['setAsActiveParentMessage', message?.id]);
    this.activeParentMessageId.set(message?.id);
    this.activeParentMessage.set(message);
    return this.actionBehavior('setAsActiveParentMessage');
  }
  loadMoreThreadReplies(): Promise<void> {
    this.calls.push(['loadMoreThreadReplies']);
    return this.actionBehavior('loadMoreThreadReplies');
  }
  updateMessage(message: ChatMessage): Promise<void> {
    this.calls.push(['updateMessage', message.id, message.text]);
    return this.actionBehavior('updateMessage');
  }
  deleteMessage(message: ChatMessage): Promise<void> {
    this.calls.push(['deleteMessage', message.id]);
    return this.actionBehavior('deleteMessage');
  }
  pinMessage(message: ChatMessage): Promise<void> {
    this.calls.push(['pinMessage', message.id]);
    return this.actionBehavior('pinMessage');
  }
  unpinMessage(message: ChatMessage): Promise<void> {
    this.calls.push(['unpinMessage', message.id]);
    return this.actionBehavior('unpinMessage');
  }
  markMessageUnread(messageId: string): Promise<void> {
    this.calls.push(['markMessageUnread', messageId]);
    return this.actionBehavior('markMessageUnread');
  }
  readonly messageToQuote = signal<ChatMessage | undefined>(undefined);
  readonly jumpToMessageTarget = signal<{ id?: string; parentId?: string }>({});
  selectMessageToQuote(message: ChatMessage | undefined): void {
    this.calls.push(['selectMessageToQuote', message?.id]);
    this.messageToQuote.set(message);
  }
  jumpToMessage(messageId: string, parentId?: string): Promise<void> {
    this.calls.push(['jumpToMessage', messageId]);
    this.jumpToMessageTarget.set({ id: messageId, parentId });
    return Promise.resolve();
  }
  clearMessageJump(): void {
    this.calls.push(['clearMessageJump']);
    this.jumpToMessageTarget.set({});
  }
  readonly unreadCounts = signal<Record<string, number>>({});
  /** What `init()` does; resolves by default. */
  initBehavior: () => Promise<Channel[]> = () => Promise.resolve([]);
  /** What `sendMessage()` does; resolves by default. */
  sendBehavior: (text: string) => Promise<unknown> = () => Promise.resolve(undefined);

  init(...args: unknown[]): Promise<Channel[]> {
    this.calls.push(['init', ...args]);
    return this.initBehavior();
  }
  reset(): void {
    this.calls.push(['reset']);
  }
  setAsActiveChannel(channel: Channel): Promise<void> {
    this.calls.push(['setAsActiveChannel', channel.cid]);
    this.activeChannel.set(channel);
    return Promise.resolve();
  }
  deselectActiveChannel(): void {
    this.calls.push(['deselectActiveChannel']);
    this.activeChannel.set(undefined);
  }
  loadMoreChannels(): Promise<void> {
    this.calls.push(['loadMoreChannels']);
    return Promise.resolve();
  }
  loadMoreMessages(): Promise<void> {
    this.calls.push(['loadMoreMessages']);
    return Promise.resolve();
  }
  sendMessage(text: string, ...extra: unknown[]): Promise<unknown> {
    // Trailing arguments left undefined are not recorded.
    while (extra.length > 0 && extra.at(-1) === undefined) extra.pop();
    this.calls.push(['sendMessage', text, ...extra]);
    return this.sendBehavior(text);
  }
  resendMessage(message: ChatMessage): Promise<unknown> {
    this.calls.push(['resendMessage', message.id]);
    return Promise.resolve(message);
  }
  typingStarted(): Promise<void> {
    this.calls.push(['typingStarted']);
    return Promise.resolve();
  }
  typingStopped(): Promise<void> {
    this.calls.push(['typingStopped']);
    return Promise.resolve();
  }
  unreadCount(channel: Channel) {
    return computed(() => this.unreadCounts()[channel.cid] ?? 0);
  }

  // The composer's state and calls: uploads, mentions, slow mode, quotes.
  readonly attachmentUploads = signal<AttachmentUpload[]>([]);
  readonly latestMessageDateByUserByChannels = signal<Record<string, Date>>({});
  /** The members `autocompleteMembers()` finds for a term. */
  membersFor: (term: string) => ChannelMemberResponse[] = () => [];
  /** What `uploadAttachments()` does; lists the uploads as they are by default. */
  uploadBehavior: (uploads: AttachmentUpload[]) => Promise<AttachmentUpload[]> = (uploads) => {
    this.attachmentUploads.update((listed) => [...listed, ...uploads]);
    return Promise.resolve(uploads);
  };
  autocompleteMembers(term: string): Promise<ChannelMemberResponse[]> {
    this.calls.push(['autocompleteMembers', term]);
    return Promise.resolve(this.membersFor(term));
  }
  uploadAttachments(uploads: AttachmentUpload[]): Promise<AttachmentUpload[]> {
    this.calls.push(['uploadAttachments', uploads.map((upload) => upload.file.name)]);
    return this.uploadBehavior(uploads);
  }
  deleteAttachment(upload: AttachmentUpload): Promise<void> {
    this.calls.push(['deleteAttachment', upload.file.name]);
    this.attachmentUploads.update((listed) => listed.filter((item) => item.file !== upload.file));
    return Promise.resolve();
  }
  addChannel(channel: Channel): void {
    this.calls.push(['addChannel', channel.cid]);
    this.channels.update((list) => [channel, ...(list ?? [])]);
  }
}

/**
 * Providers that put the fakes (and the test backend, which always answers the health probe)
 * in place of the real services.
 */
export function provideChatFakes(
  chat = new FakeChatClientService(),
  channels = new FakeChannelService(),
): Provider[] {
  return [
    { provide: ChatClientService, useValue: chat },
    { provide: ChannelService, useValue: channels },
    { provide: CHAT_BACKEND, useValue: TEST_BACKEND },
    { provide: BACKEND_PROBE, useValue: () => Promise.resolve(true) },
  ];
}

/** A connected user as `user$` emits it. */
export function chatUser(overrides: Partial<ChatUser> = {}): ChatUser {
  return {
    id: 'alice',
    name: 'Alice Martin',
    role: 'user',
    online: true,
    total_unread_count: 0,
    unread_channels: 0,
    ...overrides,
  } as ChatUser;
}

/** A message as `activeChannelMessages$` lists it. */
export function chatMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: 'm1',
    text: 'Hello',
    type: 'regular',
    user: { id: 'bob', name: 'Bob Nguyen' },
    created_at: new Date('2024-05-01T09:05:00.000Z'),
    status: 'received',
    ...overrides,
  } as ChatMessage;
}

/** Just enough of a `stream-chat` channel for the demo's components. */
export function fakeChannel(
  id: string,
  options: {
    name?: string;
    type?: string;
    messages?: Partial<ChatMessage>[];
    capabilities?: string[];
    memberCount?: number;
    /** Members by user id, with their presence. */
    members?: { id: string; name?: string; online?: boolean }[];
    /** When each user last read the channel. */
    read?: Record<string, Date>;
    watcherCount?: number;
    /** Whether the client has loaded the channel (true by default). */
    initialized?: boolean;
  } = {},
): Channel {
  const type = options.type ?? 'messaging';
  return {
    id,
    type,
    cid: `${type}:${id}`,
    data: {
      name: options.name,
      own_capabilities: options.capabilities,
      member_count: options.memberCount,
    },
    initialized: options.initialized ?? true,
    state: {
      messages: (options.messages ?? []).map((m) => chatMessage(m)),
      members: Object.fromEntries(
        (options.members ?? []).map((member) => [
          member.id,
          { user_id: member.id, user: { id: member.id, name: member.name, online: member.online } },
        ]),
      ),
      read: Object.fromEntries(
        Object.entries(options.read ?? {}).map(([userId, lastRead]) => [
          userId,
          { user: { id: userId }, last_read: lastRead, unread_messages: 0 },
        ]),
      ),
      watcher_count: options.watcherCount ?? 0,
    },
  } as unknown as Channel;
}
