import { RunningEmulator, startEmulator } from '../..';
import {
  connectErrorOf,
  emulatorForSpecFile,
  nextEvent,
  rejectionOf,
} from '../../../test/client-harness';
import { poll } from '../../../test/poll';

describe('deactivating, reactivating and deleting users', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  it('deactivates a user: sockets closed, connect refused (17), messages marked deleted, reactivates', async () => {
    const server = pool.server();
    const alice = await pool.connected('alice');
    await pool.connected('bob');
    const [aliceChannel] = await alice.queryChannels({ id: 'general' });
    const deleted = nextEvent(
      alice,
      'message.deleted',
      (event) => event.message?.id === 'general-2',
    );
    const { user } = await server.deactivateUser('bob', { mark_messages_deleted: true });
    expect(user.deactivated_at).toEqual(expect.any(String));
    pool.socketsDropped();
    await deleted;
    expect(aliceChannel.state.messages.find((item) => item.id === 'general-2')?.type).toBe(
      'deleted',
    );
    await poll(() => emulator.faults.connectionCount('bob') === 0, {
      description: 'bob is disconnected',
      timeoutMs: 3000,
    });
    const refusal = connectErrorOf(await rejectionOf(pool.connected('bob')));
    expect(refusal).toMatchObject({ code: 17, StatusCode: 403 });
    await expect(aliceChannel.sendMessage({ text: 'hi' })).resolves.toBeDefined();
    await expect(server.deactivateUser('nobody')).rejects.toMatchObject({ code: 16 });
    await expect(alice.deactivateUser('carol')).rejects.toMatchObject({ code: 17 });

    const restarted = await startEmulator({ port: 0, quiet: true, seed: emulator.snapshot() });
    try {
      expect(restarted.snapshot()['user_lifecycle']).toMatchObject({ users: [{ user_id: 'bob' }] });
    } finally {
      await restarted.close();
    }

    const reactivated = await server.reactivateUser('bob');
    expect(reactivated.user.deactivated_at).toBeUndefined();
    await expect(pool.connected('bob')).resolves.toBeDefined();
    await pool.settle();
  });

  it('deletes a user (user.deleted to others) and runs deleteUsers as a completed task', async () => {
    const server = pool.server();
    const alice = await pool.connected('alice');
    const event = nextEvent(alice, 'user.deleted');
    const { user } = await server.deleteUser('carol', { mark_messages_deleted: true });
    expect(user.deleted_at).toEqual(expect.any(String));
    expect(await event).toMatchObject({ user: { id: 'carol' }, mark_messages_deleted: true });
    expect(connectErrorOf(await rejectionOf(pool.connected('carol')))).toMatchObject({ code: 17 });

    const { task_id } = await server.deleteUsers(['bob'], { user: 'hard', messages: 'hard' });
    const task = await server.getTask(task_id);
    expect(task).toMatchObject({ task_id, status: 'completed', result: { bob: 'deleted' } });
    expect(emulator.store.users.get('bob')).toBeUndefined();
    expect(emulator.store.getMessage('general-2')).toBeUndefined();
    await expect(server.getTask('no-such-task')).rejects.toMatchObject({ code: 16 });
  });
});
