import { RunningEmulator, SeedData, startEmulator } from '..';
import { ClientPool, nextEvent } from '../../test/client-harness';
import { poll } from '../../test/poll';

const seed: SeedData = {
  users: [
    { id: 'alice', name: 'Alice' },
    { id: 'bob', name: 'Bob' },
    { id: 'carol', name: 'Carol' },
  ],
  channels: [
    {
      type: 'messaging',
      id: 'chat',
      name: 'Chat',
      created_by_id: 'alice',
      members: ['alice', 'bob', 'carol'],
    },
  ],
};

describe('a chat between two users (spec §9 sanity scenario)', () => {
  let emulator: RunningEmulator;
  const pool = new ClientPool(() => emulator);

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, quiet: true, seed });
  });
  afterAll(async () => {
    await pool.disconnectAll();
    await emulator.close();
  });

  it('delivers messages both ways, counts unread, marks read and relays typing', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const carol = await pool.connected('carol');
    const [aliceChannel] = await alice.queryChannels({ members: { $in: ['alice'] } });
    const [bobChannel] = await bob.queryChannels({ members: { $in: ['bob'] } });
    expect(aliceChannel.cid).toBe('messaging:chat');
    expect(bobChannel.state.watcher_count).toBe(2);

    // Alice → Bob: message.new with Bob's unread counters; Carol, not watching, gets notification.message_new.
    const bobSees = nextEvent(bob, 'message.new');
    const carolNotified = nextEvent(carol, 'notification.message_new');
    const sent = await aliceChannel.sendMessage({ id: 'm1', text: 'Hi Bob' });
    expect(sent.message.id).toBe('m1');
    const newMessage = await bobSees;
    expect(newMessage).toMatchObject({
      cid: 'messaging:chat',
      message: { id: 'm1', text: 'Hi Bob', user: { id: 'alice' } },
      total_unread_count: 1,
      unread_channels: 1,
    });
    expect(bobChannel.countUnread()).toBe(1);
    expect(bobChannel.state.messages.map((message) => message.id)).toEqual(['m1']);
    const notification = await carolNotified;
    expect(notification).toMatchObject({
      channel: { cid: 'messaging:chat', config: { read_events: true } },
      message: { id: 'm1' },
      total_unread_count: 1,
      unread_channels: 1,
    });

    // Bob → Alice.
    const aliceSees = nextEvent(alice, 'message.new', (event) => event.message?.id === 'm2');
    await bobChannel.sendMessage({ id: 'm2', text: 'Hi Alice' });
    expect((await aliceSees).message?.text).toBe('Hi Alice');
    expect(aliceChannel.countUnread()).toBe(1);
    expect(
      emulator.store.getChannel('messaging:chat')?.members.get('bob')?.read.unreadMessages,
    ).toBe(0);

    // Two more for Bob, then a fresh connect: client.user carries the unread figures.
    await aliceChannel.sendMessage({ id: 'm3', text: 'Lunch?' });
    await aliceChannel.sendMessage({ id: 'm4', text: 'At noon' });
    await bob.disconnectUser(0);
    const freshBob = await pool.connected('bob');
    expect(freshBob.user).toMatchObject({
      total_unread_count: 2,
      unread_count: 2,
      unread_channels: 1,
    });
    const [freshChannel] = await freshBob.queryChannels({ cid: 'messaging:chat' });
    expect(freshChannel.countUnread()).toBe(2);
    expect(freshChannel.state.read['bob']).toMatchObject({
      unread_messages: 2,
      last_read_message_id: 'm2',
    });

    // Bob reads: Alice gets message.read, Bob gets notification.mark_read with unread_channels 0.
    const aliceRead = nextEvent(alice, 'message.read', (event) => event.user?.id === 'bob');
    const bobMarked = nextEvent(freshBob, 'notification.mark_read');
    await freshChannel.markRead();
    expect(await aliceRead).toMatchObject({
      cid: 'messaging:chat',
      last_read_message_id: 'm4',
      created_at: expect.any(String),
    });
    expect(await bobMarked).toMatchObject({
      cid: 'messaging:chat',
      unread_channels: 0,
      total_unread_count: 0,
    });
    expect(freshChannel.countUnread()).toBe(0);
    expect(aliceChannel.state.read['bob']).toMatchObject({
      unread_messages: 0,
      last_read_message_id: 'm4',
    });

    // Typing: start sets Bob's typing.alice, stop clears it.
    const typingStarted = nextEvent(freshBob, 'typing.start');
    await aliceChannel.keystroke();
    expect((await typingStarted).user?.id).toBe('alice');
    expect(freshChannel.state.typing['alice']).toBeDefined();
    const typingStopped = nextEvent(freshBob, 'typing.stop');
    await aliceChannel.stopTyping();
    await typingStopped;
    expect(freshChannel.state.typing['alice']).toBeUndefined();
  });

  it('stops typing by itself about a second after the last keystroke', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceChannel] = await alice.queryChannels({ cid: 'messaging:chat' });
    const [bobChannel] = await bob.queryChannels({ cid: 'messaging:chat' });
    const started = nextEvent(bob, 'typing.start');
    await aliceChannel.keystroke();
    await started;
    await nextEvent(bob, 'typing.stop', () => true, 3000);
    await poll(() => bobChannel.state.typing['alice'] === undefined, {
      description: 'typing.alice is cleared',
      timeoutMs: 3000,
    });
  });

  it('keeps the client id of messages and refuses a duplicate with code 4 "already exists"', async () => {
    const alice = await pool.connected('alice');
    const [channel] = await alice.queryChannels({ cid: 'messaging:chat' });
    await channel.sendMessage({ id: 'dup-1', text: 'once' });
    await expect(channel.sendMessage({ id: 'dup-1', text: 'twice' })).rejects.toMatchObject({
      code: 4,
      status: 400,
      message: expect.stringContaining('already exists'),
    });
    expect(
      emulator.messages('messaging:chat').filter((message) => message.id === 'dup-1'),
    ).toHaveLength(1);
  });
});
