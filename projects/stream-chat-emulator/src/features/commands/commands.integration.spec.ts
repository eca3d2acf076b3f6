import { RunningEmulator } from '../..';
import { emulatorForSpecFile, nextEvent } from '../../../test/client-harness';
import { poll } from '../../../test/poll';
import { GIPHY_OFFLINE_TEXT } from './chat-commands';

describe('slash commands', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started), {
    seed: {
      users: [{ id: 'alice' }, { id: 'bob' }],
      channels: [
        {
          type: 'messaging',
          id: 'room',
          members: [{ user_id: 'alice', channel_role: 'channel_moderator' }, 'bob'],
        },
      ],
    },
  });

  it('advertises the commands it runs and answers /mute with an ephemeral message', async () => {
    const alice = await pool.connected('alice');
    const [room] = await alice.queryChannels({ id: 'room' });
    expect(room.getConfig()?.commands?.map((command) => command.name)).toEqual([
      'mute',
      'unmute',
      'ban',
      'unban',
    ]);
    const { message } = await room.sendMessage({ id: 'cmd-1', text: '/mute @bob' });
    expect(message).toMatchObject({ type: 'ephemeral', command: 'mute' });
    await poll(() => alice.userMuteStatus('bob'), {
      description: 'alice sees bob muted',
      timeoutMs: 3000,
    });
    expect(emulator.store.getMessage('cmd-1')).toBeUndefined();
    await room.sendMessage({ id: 'cmd-2', text: '/unmute @bob' });
    await poll(() => !alice.userMuteStatus('bob'), {
      description: 'alice sees bob unmuted',
      timeoutMs: 3000,
    });
  });

  it('runs /ban and /unban for moderators (user.banned to others), refuses them for members (17)', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceRoom] = await alice.queryChannels({ id: 'room' });
    const [bobRoom] = await bob.queryChannels({ id: 'room' });
    await expect(bobRoom.sendMessage({ text: '/ban @alice' })).rejects.toMatchObject({
      code: 17,
    });
    const banned = nextEvent(bob, 'user.banned');
    await aliceRoom.sendMessage({ text: '/ban @bob flooding' });
    expect(await banned).toMatchObject({ user: { id: 'bob' }, reason: 'flooding' });
    await expect(bobRoom.sendMessage({ text: 'hello' })).rejects.toMatchObject({ code: 17 });
    await aliceRoom.sendMessage({ text: '/unban @bob' });
    await expect(bobRoom.sendMessage({ text: 'hello' })).resolves.toBeDefined();
    await expect(aliceRoom.sendMessage({ text: '/ban @nobody' })).rejects.toMatchObject({
      code: 16,
    });
  });

  it('answers /giphy with an error message and sends other slash text as plain text', async () => {
    const alice = await pool.connected('alice');
    const [room] = await alice.queryChannels({ id: 'room' });
    const { message } = await room.sendMessage({ text: '/giphy cats' });
    expect(message).toMatchObject({ type: 'error', text: GIPHY_OFFLINE_TEXT });
    const plain = await room.sendMessage({ text: '/shrug whatever' });
    expect(plain.message.type).toBe('regular');
  });
});
