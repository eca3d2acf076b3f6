import { RunningEmulator, startEmulator } from '..';
import { ClientPool, nextEvent } from '../../test/client-harness';

describe('a dropped socket and the client recovering its state', () => {
  let emulator: RunningEmulator;
  const pool = new ClientPool(() => emulator);

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, quiet: true });
  });
  afterEach(() => pool.disconnectAll());
  afterAll(async () => {
    await emulator.close();
    await pool.settle();
  });

  it('reconnects after a non-1000 close, and recoverState brings back channel state and watches', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceChannel] = await alice.queryChannels({ cid: 'messaging:general' });
    const [bobChannel] = await bob.queryChannels({ cid: 'messaging:general' });
    const firstConnectionId = alice._getConnectionID();

    const recovered = nextEvent(alice, 'connection.recovered', () => true, 6000);
    expect(emulator.faults.dropSockets({ userId: 'alice', code: 1012 })).toBe(1);
    pool.socketsDropped();
    expect(emulator.faults.connectionCount('alice')).toBe(0);
    await bobChannel.sendMessage({ id: 'while-away', text: 'sent while Alice was away' });

    await recovered;
    expect(alice._getConnectionID()).not.toBe(firstConnectionId);
    expect(emulator.faults.connectionCount('alice')).toBe(1);
    expect(aliceChannel.state.latestMessages.map((message) => message.id)).toContain('while-away');
    expect(aliceChannel.state.read['alice']?.unread_messages).toBe(1);

    const live = nextEvent(alice, 'message.new');
    await bobChannel.sendMessage({ id: 'after-recovery', text: 'and now live again' });
    expect((await live).message?.id).toBe('after-recovery');
  }, 10_000);

  it('keeps clients away after a close with 1000', async () => {
    const alice = await pool.connected('alice');
    const changes: boolean[] = [];
    alice.on('connection.changed', (event) => changes.push(event.online === true));
    expect(emulator.faults.dropSockets({ userId: 'alice', code: 1000 })).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emulator.faults.connectionCount('alice')).toBe(0);
    expect(changes).toEqual([]);
  });

  it('recovers from a connection cut without a close frame (1006)', async () => {
    const alice = await pool.connected('alice');
    const recovered = nextEvent(alice, 'connection.recovered', () => true, 6000);
    emulator.faults.dropSockets({ userId: 'alice', code: 1006 });
    pool.socketsDropped();
    await recovered;
    expect(emulator.faults.connectionCount('alice')).toBe(1);
  }, 10_000);
});
