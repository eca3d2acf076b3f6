import type { Channel, MessageResponse, StreamChat } from 'stream-chat';
import {
  channelState,
  deliver,
  loadChannels,
  messageFrom,
  newMessage,
  nextTime,
  offlineClient,
} from '../../../../../../jest/offline-stream-chat';
import type { ChatMessage } from '../../chat-message';
import { activeChannelSlice } from '../../core/active-channel.slice';
import type { ChatEvent, StoreView } from '../../store/chat-slice';
import { ThreadState, reduceThread, threadsSlice } from './threads.slice';

describe('reduceThread', () => {
  let client: StreamChat;
  let channel: Channel;
  let other: Channel;
  let active: Channel | undefined;
  let parent: MessageResponse;
  let closed: ThreadState;

  /** What the reducer reads: the active channel, and the connected user "me". */
  const view = () =>
    ({
      client,
      userId: 'me',
      get: (slice: unknown) =>
        slice === activeChannelSlice ? { channel: active } : (undefined as never),
    }) as unknown as StoreView;

  const reduce = (state: ThreadState, events: ChatEvent[]) => reduceThread(state, events, view());
  const open = (message: MessageResponse = parent): ChatEvent => ({
    type: 'ngx.thread.set',
    cid: channel.cid,
    parentId: message.id,
    parent: message as unknown as ChatMessage,
  });
  /** A reply from `userId`, delivered as `message.new` (the client files it in its thread). */
  function reply(userId: string, text: string, to: Channel = channel): ChatEvent {
    const message: MessageResponse = {
      ...messageFrom(userId, text),
      parent_id: parent.id,
      type: 'reply',
    };
    const event = {
      type: 'message.new',
      cid: to.cid,
      channel_id: to.id,
      channel_type: to.type,
      user: { id: userId },
      message,
      created_at: message.created_at,
    } as const;
    deliver(client, event);
    return event as ChatEvent;
  }
  function typing(userId: string, parentId?: string): ChatEvent {
    const event = {
      type: 'typing.start',
      cid: channel.cid,
      channel_id: channel.id,
      channel_type: channel.type,
      user: { id: userId },
      created_at: nextTime(),
      ...(parentId ? { parent_id: parentId } : {}),
    } as const;
    deliver(client, event);
    return event as ChatEvent;
  }

  beforeEach(() => {
    client = offlineClient('me');
    parent = messageFrom('alice', 'parent', 'parent-1');
    [channel, other] = loadChannels(client, [
      channelState(client, 'a', { messages: [parent] }),
      channelState(client, 'b'),
    ]);
    active = channel;
    closed = threadsSlice.initial({} as never);
  });

  afterEach(() => jest.restoreAllMocks());

  it('stays closed, as the same state, until a thread is opened', () => {
    expect(reduce(closed, [reply('alice', 'early')])).toBe(closed);
    expect(reduce(closed, [{ type: 'ngx.messages.changed', cid: channel.cid }])).toBe(closed);
  });

  it("opens a thread with the parent's stored copy and the replies the client holds", () => {
    reply('alice', 'held');

    const opened = reduce(closed, [open()]);

    expect(opened).toMatchObject({ channel, parentId: parent.id, hasMore: true, typing: [] });
    expect(opened.parent).toMatchObject({ id: parent.id, text: 'parent', status: 'received' });
    expect(opened.replies.map((m) => m.text)).toEqual(['held']);
  });

  it('uses the given parent when the channel does not hold it', () => {
    const unknown = messageFrom('alice', 'elsewhere', 'not-stored');

    const opened = reduce(closed, [open(unknown)]);

    expect(opened.parent).toBe(unknown);
    expect(opened.replies).toEqual([]);
  });

  it("follows the channel's replies and the parent's reply count", () => {
    const opened = reduce(closed, [open()]);

    const first = reduce(opened, [reply('alice', 'one'), reply('me', 'two')]);
    deliver(client, {
      type: 'message.updated',
      cid: channel.cid,
      channel_id: channel.id,
      channel_type: channel.type,
      message: { ...parent, reply_count: 2, updated_at: nextTime() },
    });
    const counted = reduce(first, [{ type: 'message.updated', cid: channel.cid }]);

    expect(first.replies.map((m) => m.text)).toEqual(['one', 'two']);
    expect(counted.parent?.reply_count).toBe(2);
    expect(counted.replies).toBe(first.replies);
  });

  it('ignores other channels, and keeps the same state when its replies did not change', () => {
    const opened = reduce(closed, [open()]);

    expect(reduce(opened, [reply('alice', 'elsewhere', other)])).toBe(opened);
    expect(reduce(opened, [{ type: 'ngx.messages.changed', cid: channel.cid }])).toBe(opened);
  });

  it("reads nothing for the channel's other messages, and keeps the replies already read", () => {
    const opened = reduce(closed, [open()]);
    const first = reduce(opened, [reply('alice', 'one')]);
    const findMessage = jest.spyOn(channel.state, 'findMessage');
    const main = newMessage(client, channel, 'alice', 'in the main list');
    const event = { type: 'message.new', cid: channel.cid, message: main } as ChatEvent;

    expect(reduce(first, [event])).toBe(first);
    expect(findMessage).not.toHaveBeenCalled();

    const second = reduce(first, [reply('alice', 'two')]);
    expect(findMessage).not.toHaveBeenCalled();
    expect(second.replies.map((m) => m.text)).toEqual(['one', 'two']);
    expect(second.replies[0]).toBe(first.replies[0]);
  });

  it('records whether older replies remain, for the open thread only', () => {
    const opened = reduce(closed, [open()]);

    const stale = reduce(opened, [
      { type: 'ngx.thread.loaded', cid: channel.cid, parentId: 'another', hasMore: false },
    ]);
    const loaded = reduce(opened, [
      { type: 'ngx.thread.loaded', cid: channel.cid, parentId: parent.id, hasMore: false },
    ]);

    expect(stale).toBe(opened);
    expect(loaded.hasMore).toBe(false);
    expect(loaded.replies).toBe(opened.replies);
  });

  it('lists others typing in the thread, not the user, and not those typing in the channel', () => {
    const opened = reduce(closed, [open()]);

    const typed = reduce(opened, [
      typing('alice', parent.id),
      typing('me', parent.id),
      typing('carol'),
    ]);

    expect(typed.typing.map((user) => user.id)).toEqual(['alice']);
    expect(reduce(typed, [typing('alice', parent.id)]).typing).toBe(typed.typing);
  });

  it('closes when the thread is closed, or its channel stops being active', () => {
    const opened = reduce(closed, [open()]);

    expect(reduce(opened, [{ type: 'ngx.thread.set', parentId: undefined }])).toEqual(closed);
    active = other;
    expect(reduce(opened, [{ type: 'ngx.active.set', cid: other.cid }])).toEqual(closed);
    active = undefined;
    expect(reduce(opened, [{ type: 'ngx.active.set', cid: undefined }])).toEqual(closed);
  });
});
