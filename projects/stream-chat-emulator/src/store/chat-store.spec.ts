import { ChatStore } from './chat-store';
import { loadSeed } from './seed-loader';
import { snapshotState } from './state-snapshot';

function storeWithChannel(type = 'messaging'): ChatStore {
  const store = new ChatStore();
  loadSeed(store, {
    users: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    channels: [{ type, id: 'x', members: ['a', 'b', 'c'] }],
  });
  return store;
}

describe('ChatStore unread accounting', () => {
  it('counts a message as unread for every member but the sender, whose read state moves to it', () => {
    const store = storeWithChannel();
    const channel = store.getChannel('messaging:x')!;
    const message = store.addMessage(channel, { id: 'm1', userId: 'a', text: 'hi' });
    expect(channel.members.get('a')?.read).toEqual({
      lastRead: message.createdAt,
      lastReadMessageId: 'm1',
      unreadMessages: 0,
    });
    expect(channel.members.get('b')?.read.unreadMessages).toBe(1);
    expect(store.unreadSummary('b')).toEqual({ totalUnreadCount: 1, unreadChannels: 1 });
    expect(channel.lastMessageAt).toBe(message.createdAt);
  });

  it('does not count thread-only replies, silent or system messages', () => {
    const store = storeWithChannel();
    const channel = store.getChannel('messaging:x')!;
    store.addMessage(channel, { id: 'p', userId: 'a', text: 'parent' });
    store.addMessage(channel, { id: 'r1', userId: 'a', text: 'reply', parentId: 'p' });
    store.addMessage(channel, {
      id: 'r2',
      userId: 'a',
      text: 'shown reply',
      parentId: 'p',
      showInChannel: true,
    });
    store.addMessage(channel, { id: 's', userId: 'a', text: 'quiet', silent: true });
    store.addMessage(channel, { id: 'sys', userId: 'a', text: 'system', type: 'system' });
    expect(channel.members.get('b')?.read.unreadMessages).toBe(2);
    expect(store.getMessage('p')).toMatchObject({ replyCount: 2, threadParticipantIds: ['a'] });
  });

  it('sums unread over channels, resets on mark read and recounts on mark unread', () => {
    const store = storeWithChannel();
    const first = store.getChannel('messaging:x')!;
    const second = store.createChannel({
      type: 'messaging',
      id: 'y',
      data: {},
      memberIds: ['a', 'b'],
    });
    store.addMessage(first, { id: 'm1', userId: 'a', text: '1' });
    store.addMessage(first, { id: 'm2', userId: 'c', text: '2' });
    store.addMessage(second, { id: 'm3', userId: 'a', text: '3' });
    expect(store.unreadSummary('b')).toEqual({ totalUnreadCount: 3, unreadChannels: 2 });
    expect(store.markRead(first, 'b')).toMatchObject({
      lastReadMessageId: 'm2',
      unreadMessages: 0,
    });
    expect(store.unreadSummary('b')).toEqual({ totalUnreadCount: 1, unreadChannels: 1 });
    const unread = store.markUnread(first, 'b', 'm1');
    expect(unread?.read).toMatchObject({ lastReadMessageId: undefined, unreadMessages: 2 });
    expect(store.markUnread(first, 'b', 'nope')).toBeUndefined();
    expect(store.markRead(first, 'outsider')).toBeUndefined();
  });

  it('keeps no read state for types without read events', () => {
    const store = storeWithChannel('gaming');
    const channel = store.getChannel('gaming:x')!;
    store.addMessage(channel, { id: 'm1', userId: 'a', text: 'hi' });
    expect(store.unreadSummary('b')).toEqual({ totalUnreadCount: 0, unreadChannels: 0 });
  });

  it('finds distinct channels by their exact member set and forgets deleted ones', () => {
    const store = storeWithChannel();
    expect(store.findChannelByMembers('messaging', ['c', 'b', 'a'])?.cid).toBe('messaging:x');
    expect(store.findChannelByMembers('messaging', ['a', 'b'])).toBeUndefined();
    const channel = store.getChannel('messaging:x')!;
    store.addMessage(channel, { id: 'm1', userId: 'a', text: 'hi' });
    store.deleteChannel(channel);
    expect(store.getMessage('m1')).toBeUndefined();
    expect(store.channelIdsOf('a')).toEqual([]);
  });

  it('computes seed read state from last_read, and round-trips through a snapshot', () => {
    const store = new ChatStore();
    loadSeed(store, {
      users: [{ id: 'a', name: 'A', color: 'red' }, { id: 'b' }],
      channels: [
        {
          type: 'messaging',
          id: 'x',
          topic: 'custom',
          members: ['a', { user_id: 'b', last_read: '2024-01-01T10:00:30.000Z' }],
          messages: [
            { id: 'm1', user_id: 'a', text: 'one', created_at: '2024-01-01T10:00:00.000Z' },
            { id: 'm2', user_id: 'a', text: 'two', created_at: '2024-01-01T10:01:00.000Z' },
            {
              id: 'm3',
              user_id: 'b',
              text: 'three',
              created_at: '2024-01-01T10:02:00.000Z',
              parent_id: 'm1',
            },
          ],
        },
      ],
    });
    const channel = store.getChannel('messaging:x')!;
    expect(channel.members.get('b')?.read).toMatchObject({
      lastReadMessageId: 'm1',
      unreadMessages: 1,
    });
    expect(channel.data['topic']).toBe('custom');
    const again = new ChatStore();
    loadSeed(again, snapshotState(store));
    expect(snapshotState(again)).toEqual(snapshotState(store));
  });

  it('rejects seeds that reference unknown users or repeat ids', () => {
    const load = (seed: unknown) => () => loadSeed(new ChatStore(), seed);
    expect(load({ users: [] })).toThrow('"channels" Invalid input: expected array');
    expect(load({ users: [{ id: 'a b' }], channels: [] })).toThrow(
      'users[0]: "id" must be a valid user id',
    );
    expect(
      load({
        users: [{ id: 'a' }],
        channels: [{ type: 'messaging', id: 'x', messages: [{ user_id: 'a', text: 1 }] }],
      }),
    ).toThrow('channels[0].messages[0]: "text" Invalid input: expected string');
    expect(load({ users: [{ id: 'a' }, { id: 'a' }], channels: [] })).toThrow('duplicate user id');
    expect(
      load({ users: [], channels: [{ type: 'messaging', id: 'x', members: ['ghost'] }] }),
    ).toThrow('not a seeded user');
    expect(load({ users: [], channels: [{ type: 'nope', id: 'x' }] })).toThrow(
      'built-in channel type',
    );
    expect(
      load({
        users: [{ id: 'a' }],
        channels: [
          {
            type: 'messaging',
            id: 'x',
            messages: [{ user_id: 'a', text: 't', created_at: 'yesterday' }],
          },
        ],
      }),
    ).toThrow('channels[0].messages[0]: "created_at" must be an ISO-8601 date');
    expect(
      load({
        users: [{ id: 'a' }],
        channels: [
          {
            type: 'messaging',
            id: 'x',
            messages: [
              { id: 'm', user_id: 'a', text: 't' },
              { id: 'm', user_id: 'a', text: 'u' },
            ],
          },
        ],
      }),
    ).toThrow('message id "m" is used twice');
  });

  it('keeps the fields the schema does not declare as custom data, and drops computed ones', () => {
    const store = new ChatStore();
    loadSeed(store, {
      users: [{ id: 'a', name: 'A', online: true }],
      channels: [
        {
          type: 'messaging',
          id: 'x',
          name: 'X',
          cid: 'messaging:ignored',
          messages: [{ id: 'm', user_id: 'a', text: 't', mood: 'happy', html: '<p>t</p>' }],
        },
      ],
    });
    expect(store.users.get('a')?.data).toEqual({ name: 'A' });
    expect(store.getChannel('messaging:x')?.data).toEqual({ name: 'X' });
    expect(store.getMessage('m')?.data).toEqual({ mood: 'happy' });
  });
});
