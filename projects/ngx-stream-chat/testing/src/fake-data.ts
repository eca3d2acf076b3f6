import type { ChatMessage, ChatUser } from 'ngx-stream-chat';
import { Channel, StreamChat } from 'stream-chat';
import type { ChannelMemberResponse, UserResponse } from 'stream-chat';

/** A member of a channel made by `fakeChannel()`. */
export interface FakeMember {
  /** The member's user id. */
  id: string;
  /** The member's name. */
  name?: string;
  /** Whether the member is online. */
  online?: boolean;
}

/** Options of `fakeChannel()`. */
export interface FakeChannelOptions {
  /** The channel type; `'messaging'` by default. */
  type?: string;
  /** The channel's name (`channel.data.name`). */
  name?: string;
  /** What the connected user may do (`channel.data.own_capabilities`). */
  capabilities?: string[];
  /** The channel's members (`channel.state.members`). */
  members?: FakeMember[];
  /** `channel.data.member_count`; the number of `members` by default. */
  memberCount?: number;
  /** When each user last read the channel (`channel.state.read`), by user id. */
  read?: Record<string, Date>;
  /** `channel.state.watcher_count`; 0 by default. */
  watcherCount?: number;
  /** Whether the client has loaded the channel (`channel.initialized`); `true` by default. */
  initialized?: boolean;
  /** Other channel data, such as `cooldown` or custom fields. */
  data?: Record<string, unknown>;
  /**
   * The messages the client holds for the channel (`channel.state.messages`), any order: what a
   * channel list previews. The fakes' `ChannelService` lists its own (`fakes.messages.set()`).
   */
  messages?: ChatMessage[];
}

/** Where offline clients send requests: a port nothing listens on, so every request fails. */
const OFFLINE_BASE_URL = 'http://127.0.0.1:9';

/** The offline client that owns the channels `fakeChannel()` makes; it never connects. */
let offlineClient: StreamChat | undefined;

/**
 * A real `stream-chat` client that never connects, with `user` set as if `connectUser()` had
 * resolved: what the fake `ChatClientService.chatClient` returns, so code that reads
 * `chatClient.user` works. Anything that reaches for a server fails (nothing listens at its URL).
 */
export function offlineStreamChat(user: ChatUser): StreamChat {
  const client = new StreamChat('fake-api-key', { baseURL: OFFLINE_BASE_URL });
  client.userID = user.id;
  client.user = user;
  return client;
}

/**
 * A real `stream-chat` `Channel`, made offline (its client never connects, so any call that
 * would reach a server fails): an id, data and members for the fakes' channel list.
 *
 * @example
 * fakes.channels.set([fakeChannel('general', { name: 'General' }), fakeChannel('random')]);
 */
export function fakeChannel(id: string, options: FakeChannelOptions = {}): Channel {
  offlineClient ??= new StreamChat('fake-api-key', { baseURL: OFFLINE_BASE_URL });
  const channel = new Channel(offlineClient, options.type ?? 'messaging', id, {
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.capabilities ? { own_capabilities: options.capabilities } : {}),
    ...(options.members || options.memberCount !== undefined
      ? { member_count: options.memberCount ?? options.members?.length }
      : {}),
    ...options.data,
  });
  channel.initialized = options.initialized ?? true;
  channel.state.watcher_count = options.watcherCount ?? 0;
  for (const [userId, lastRead] of Object.entries(options.read ?? {})) {
    channel.state.read[userId] = {
      user: { id: userId },
      last_read: lastRead,
      unread_messages: 0,
    } as Channel['state']['read'][string];
  }
  if (options.messages) {
    channel.state.addMessagesSorted(
      options.messages as unknown as Parameters<Channel['state']['addMessagesSorted']>[0],
    );
  }
  for (const member of options.members ?? []) {
    channel.state.members[member.id] = {
      user_id: member.id,
      user: { id: member.id, name: member.name, online: member.online },
    } as ChannelMemberResponse;
  }
  return channel;
}

let messageCount = 0;

/**
 * A message as `activeChannelMessages$` lists it: received, sent now by `bob` unless `overrides`
 * say otherwise, with a fresh id and no reactions.
 *
 * @example
 * fakes.messages.receive(fakeMessage({ text: 'Hi', user: { id: 'alice' } }));
 */
export function fakeMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  const now = new Date();
  return {
    id: `fake-message-${++messageCount}`,
    text: '',
    type: 'regular',
    user: { id: 'bob' },
    attachments: [],
    mentioned_users: [],
    latest_reactions: [],
    own_reactions: [],
    reaction_counts: {},
    reaction_scores: {},
    reply_count: 0,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    pinned_at: null,
    pinned: false,
    status: 'received',
    ...overrides,
  } as ChatMessage;
}

/** A connected user as `user$` emits it: online, nothing unread, with `overrides`. */
export function fakeUser(overrides: Partial<ChatUser> & Pick<UserResponse, 'id'>): ChatUser {
  return {
    role: 'user',
    online: true,
    total_unread_count: 0,
    unread_count: 0,
    unread_channels: 0,
    channel_mutes: [],
    devices: [],
    mutes: [],
    ...overrides,
  } as ChatUser;
}
