import type {
  Channel,
  ChannelAPIResponse,
  Event as StreamEvent,
  MessageResponse,
  OwnUserResponse,
} from 'stream-chat';
import { StreamChat } from 'stream-chat';

/**
 * A real `stream-chat` client with no connection, for unit specs: the user is set as if
 * `connectUser()` had resolved, so the client's own channel state and event handling work as in
 * an app. Stub the network methods a spec needs (`queryChannels`, `channel.query`...).
 */
export function offlineClient(userId = 'me'): StreamChat {
  const client = new StreamChat('unit-key', { baseURL: 'http://127.0.0.1:9' });
  client.userID = userId;
  client.user = { id: userId, channel_mutes: [], mutes: [] } as unknown as OwnUserResponse;
  client.wsPromise = Promise.resolve() as StreamChat['wsPromise'];
  return client;
}

let clock = Date.parse('2024-05-01T10:00:00.000Z');
/** A timestamp later than every one handed out before. */
export function nextTime(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

/** A message as the server sends it. */
export function messageFrom(userId: string, text: string, id = `m-${text}`): MessageResponse {
  const at = nextTime();
  return {
    id,
    text,
    type: 'regular',
    user: { id: userId },
    created_at: at,
    updated_at: at,
  } as MessageResponse;
}

/** Options of `channelState()`. */
export interface ChannelStateOptions {
  messages?: MessageResponse[];
  /** The current user's unread count. */
  unread?: number;
  readEvents?: boolean;
  capabilities?: string[];
  data?: Record<string, unknown>;
}

/** A channel as `POST /channels` returns it, for `client.hydrateActiveChannels()`. */
export function channelState(
  client: StreamChat,
  id: string,
  options: ChannelStateOptions = {},
): ChannelAPIResponse {
  return {
    channel: {
      id,
      type: 'messaging',
      cid: `messaging:${id}`,
      config: { read_events: options.readEvents ?? true, typing_events: true },
      own_capabilities: options.capabilities ?? ['read-events', 'send-message', 'typing-events'],
      ...options.data,
    },
    messages: options.messages ?? [],
    members: [],
    pinned_messages: [],
    read: [
      {
        user: { id: client.userID as string },
        last_read: '2024-01-01T00:00:00.000Z',
        unread_messages: options.unread ?? 0,
      },
    ],
  } as unknown as ChannelAPIResponse;
}

/** Loads channels into the client as a `queryChannels()` answer would. */
export function loadChannels(client: StreamChat, states: ChannelAPIResponse[]): Channel[] {
  return client.hydrateActiveChannels(states);
}

/** Dispatches an event as if it had come over the socket. */
export function deliver(client: StreamChat, event: Partial<StreamEvent>): void {
  client.dispatchEvent({ created_at: nextTime(), ...event } as StreamEvent);
}

/** A `message.new` event for a message from `userId` in the channel. */
export function newMessage(
  client: StreamChat,
  channel: Channel,
  userId: string,
  text: string,
): MessageResponse {
  const message = messageFrom(userId, text);
  deliver(client, {
    type: 'message.new',
    cid: channel.cid,
    channel_id: channel.id,
    channel_type: channel.type,
    user: { id: userId },
    message,
    created_at: message.created_at,
  });
  return message;
}
