import { RunningEmulator } from '..';
import { emulatorForSpecFile, customFields, nextEvent } from '../../test/client-harness';

describe('presence and watchers', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  it('tells presence subscribers (queryUsers presence:true) when a user goes online and offline', async () => {
    const alice = await pool.connected('alice');
    const { users } = await alice.queryUsers(
      { id: { $in: ['bob'] } },
      { id: 1 },
      { presence: true },
    );
    expect(users).toEqual([expect.objectContaining({ id: 'bob', online: false })]);

    const online = nextEvent(
      alice,
      'user.presence.changed',
      (event) => event.user?.online === true,
    );
    const bob = await pool.connected('bob');
    expect((await online).user).toMatchObject({ id: 'bob', online: true });
    expect(alice.state.users['bob']?.online).toBe(true);

    const offline = nextEvent(
      alice,
      'user.presence.changed',
      (event) => event.user?.online === false,
    );
    await bob.disconnectUser(0);
    expect((await offline).user).toMatchObject({
      id: 'bob',
      online: false,
      last_active: expect.any(String),
    });
    await emulator.faults.waitForConnectionCount(0, { userId: 'bob' });
  });

  it('subscribes to channel members with queryChannels presence:true and marks members online', async () => {
    const carol = await pool.connected('carol');
    const bob = await pool.connected('bob');
    const [channel] = await bob.queryChannels({ cid: 'messaging:design' }, {}, { presence: true });
    expect(channel.state.members['carol']?.user?.online).toBe(true);
    const offline = nextEvent(bob, 'user.presence.changed', (event) => event.user?.id === 'carol');
    await carol.disconnectUser(0);
    expect((await offline).user?.online).toBe(false);
    expect(channel.state.members['carol']?.user?.online).toBe(false);
  });

  it('does not announce a second connection of a user who is already online', async () => {
    const alice = await pool.connected('alice');
    await alice.queryUsers({ id: 'bob' }, {}, { presence: true });
    const events: string[] = [];
    alice.on('user.presence.changed', (event) =>
      events.push(`${event.user?.id}:${event.user?.online}`),
    );
    const first = await pool.connected('bob');
    await pool.connected('bob');
    await first.disconnectUser(0);
    await emulator.faults.waitForConnectionCount(1, { userId: 'bob' });
    await alice.queryUsers({ id: 'bob' });
    expect(events).toEqual(['bob:true']);
  });

  it('sends user.watching.start and user.watching.stop with the watcher count', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const aliceChannel = alice.channel('messaging', 'general');
    await aliceChannel.watch();
    expect(aliceChannel.state.watcher_count).toBe(1);
    const started = nextEvent(alice, 'user.watching.start');
    const bobChannel = bob.channel('messaging', 'general');
    await bobChannel.watch();
    expect(await started).toMatchObject({ user: { id: 'bob' }, watcher_count: 2 });
    expect(aliceChannel.state.watchers['bob']).toBeDefined();
    expect(bobChannel.state.watchers['alice']).toBeDefined();

    const stopped = nextEvent(alice, 'user.watching.stop');
    await bobChannel.stopWatching();
    expect(await stopped).toMatchObject({ user: { id: 'bob' }, watcher_count: 1 });
    expect(aliceChannel.state.watchers['bob']).toBeUndefined();

    await bobChannel.watch();
    const stoppedByClose = nextEvent(alice, 'user.watching.stop');
    await bob.disconnectUser(0);
    expect(await stoppedByClose).toMatchObject({ user: { id: 'bob' }, watcher_count: 1 });
  });

  it('tells the user and presence subscribers about user updates (user.updated)', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    await bob.queryUsers({ id: 'alice' }, {}, { presence: true });
    const updated = nextEvent(bob, 'user.updated');
    const own = nextEvent(alice, 'user.updated');
    await alice.partialUpdateUser({ id: 'alice', set: customFields({ status: 'busy' }) });
    expect((await updated).user).toMatchObject({ id: 'alice', status: 'busy' });
    await own;
    expect(alice.user).toMatchObject({ status: 'busy' });
  });
});
