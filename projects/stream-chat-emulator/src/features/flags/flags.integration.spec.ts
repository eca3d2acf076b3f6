import { RunningEmulator, startEmulator } from '../..';
import { emulatorForSpecFile } from '../../../test/client-harness';

describe('flags', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  it('flags a message and a user, advertises flag-message, refuses own messages and unknown targets', async () => {
    const bob = await pool.connected('bob');
    const [channel] = await bob.queryChannels({ id: 'general' });
    expect(channel.data?.own_capabilities).toContain('flag-message');
    const { flag } = await bob.flagMessage('general-1', { reason: 'rude' });
    expect(flag).toMatchObject({
      user: { id: 'bob' },
      target_message_id: 'general-1',
      created_by_automod: false,
      reason: 'rude',
    });
    const repeated = await bob.flagMessage('general-1');
    expect(repeated.flag.created_at).toBe(flag.created_at);
    const userFlag = await bob.flagUser('carol');
    expect(userFlag.flag.target_user).toMatchObject({ id: 'carol' });

    await expect(bob.flagMessage('general-2')).rejects.toMatchObject({ code: 4, status: 400 });
    await expect(bob.flagMessage('no-such-message')).rejects.toMatchObject({
      code: 16,
      status: 404,
    });
    await expect(bob.flagUser('nobody')).rejects.toMatchObject({ code: 16 });

    const restarted = await startEmulator({ port: 0, quiet: true, seed: emulator.snapshot() });
    try {
      expect(restarted.snapshot()['flags']).toHaveLength(2);
    } finally {
      await restarted.close();
    }
    await bob.unflagMessage('general-1');
    await expect(bob.unflagMessage('general-1')).rejects.toMatchObject({ code: 16 });
    expect(emulator.snapshot()['flags']).toHaveLength(1);
  });
});
