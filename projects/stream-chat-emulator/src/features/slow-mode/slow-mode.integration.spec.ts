import { RunningEmulator } from '../..';
import { customFields, emulatorForSpecFile, nextEvent } from '../../../test/client-harness';
import { COOLDOWN_ERROR_CODE } from './slow-mode-feature';

describe('slow mode', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  it('sets the cooldown with enableSlowMode and refuses a second message within it (code 60)', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceChannel] = await alice.queryChannels({ id: 'alice-bob' }, {}, { watch: true });
    const [bobChannel] = await bob.queryChannels({ id: 'alice-bob' }, {}, { watch: true });

    const updated = nextEvent(bob, 'channel.updated');
    const { channel } = await aliceChannel.enableSlowMode(30);
    expect(channel.cooldown).toBe(30);
    expect(aliceChannel.data?.cooldown).toBe(30);
    expect(channel.own_capabilities).toEqual(
      expect.arrayContaining(['set-channel-cooldown', 'skip-slow-mode']),
    );
    expect((await updated).channel?.cooldown).toBe(30);
    expect(bobChannel.data?.cooldown).toBe(30);
    const bobState = await bobChannel.query({});
    expect(bobState.channel.own_capabilities).toContain('slow-mode');
    expect(bobState.channel.own_capabilities).not.toContain('skip-slow-mode');

    await bobChannel.sendMessage({ id: 'slow-1', text: 'first' });
    await expect(bobChannel.sendMessage({ id: 'slow-2', text: 'too soon' })).rejects.toMatchObject({
      code: COOLDOWN_ERROR_CODE,
      status: 403,
    });
    expect(emulator.store.getMessage('slow-2')).toBeUndefined();
    await aliceChannel.sendMessage({ id: 'mod-1', text: 'moderators' });
    await aliceChannel.sendMessage({ id: 'mod-2', text: 'are exempt' });

    await aliceChannel.update(customFields({ name: 'Alice and Bob' }));
    expect(emulator.store.getChannel('messaging:alice-bob')?.data['cooldown']).toBe(30);

    const { channel: disabled } = await aliceChannel.disableSlowMode();
    expect(disabled.cooldown).toBe(0);
    await bobChannel.sendMessage({ id: 'slow-3', text: 'free again' });
    expect(emulator.store.getMessage('slow-3')).toBeDefined();
  });

  it('refuses cooldowns from members who do not moderate, and out-of-range values', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceChannel] = await alice.queryChannels({ id: 'general' });
    const [bobChannel] = await bob.queryChannels({ id: 'general' });
    await expect(bobChannel.enableSlowMode(10)).rejects.toMatchObject({ code: 17, status: 403 });
    await expect(aliceChannel.enableSlowMode(500)).rejects.toMatchObject({
      code: 4,
      status: 400,
    });
    await expect(
      aliceChannel.updatePartial({ set: customFields({ cooldown: 'slow' }) }),
    ).rejects.toMatchObject({ code: 4 });
    expect(emulator.store.getChannel('messaging:general')?.data['cooldown']).toBeUndefined();

    const { channel } = await aliceChannel.updatePartial({ set: customFields({ cooldown: 5 }) });
    expect(channel.cooldown).toBe(5);
    const server = pool.server().channel('messaging', 'general');
    await server.sendMessage({ id: 'server-1', text: 'one', user_id: 'bob' });
    await server.sendMessage({ id: 'server-2', text: 'two', user_id: 'bob' });
    await expect(bobChannel.sendMessage({ id: 'bob-1', text: 'three' })).rejects.toMatchObject({
      code: COOLDOWN_ERROR_CODE,
    });
  });
});
