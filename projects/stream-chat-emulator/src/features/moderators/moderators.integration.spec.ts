import { StreamChat } from 'stream-chat';
import { RunningEmulator, startEmulator } from '../..';
import { emulatorForSpecFile, nextEvent } from '../../../test/client-harness';

describe('channel moderators and roles', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));
  const roleOf = (userId: string): string | undefined =>
    emulator.store.getChannel('messaging:general')?.members.get(userId)?.channelRole;

  it('lets the creator add and demote moderators, with member.updated to watchers', async () => {
    const alice = await pool.connected('alice');
    const carol = await pool.connected('carol');
    const [aliceGeneral] = await alice.queryChannels({ id: 'general' });
    const [carolGeneral] = await carol.queryChannels({ id: 'general' }, {}, { watch: true });
    const carolSees = nextEvent(carol, 'member.updated');

    const promoted = await aliceGeneral.addModerators(['bob']);

    expect(promoted.channel.own_capabilities).toEqual(expect.any(Array));
    expect(promoted.members.find((member) => member.user_id === 'bob')).toMatchObject({
      channel_role: 'channel_moderator',
      is_moderator: true,
      role: 'moderator',
    });
    expect((await carolSees).member).toMatchObject({
      user: { id: 'bob' },
      channel_role: 'channel_moderator',
      is_moderator: true,
    });
    expect(carolGeneral.state.members['bob']?.channel_role).toBe('channel_moderator');

    const demotedEvent = nextEvent(carol, 'member.updated');
    const demoted = await aliceGeneral.demoteModerators(['bob']);
    expect(demoted.members.find((member) => member.user_id === 'bob')).toMatchObject({
      channel_role: 'channel_member',
      is_moderator: false,
    });
    expect((await demotedEvent).member?.channel_role).toBe('channel_member');
  });

  it('lets a moderator assign roles, and refuses others (17) and bad assignments (4) whole', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const carol = await pool.connected('carol');
    const [aliceGeneral] = await alice.queryChannels({ id: 'general' });
    const [bobGeneral] = await bob.queryChannels({ id: 'general' });
    const [carolGeneral] = await carol.queryChannels({ id: 'general' });

    await expect(bobGeneral.addModerators(['bob'])).rejects.toMatchObject({
      code: 17,
      status: 403,
    });
    expect(roleOf('bob')).toBe('channel_member');

    await aliceGeneral.assignRoles([{ user_id: 'bob', channel_role: 'channel_moderator' }]);
    const assigned = await bobGeneral.assignRoles([
      { user_id: 'carol', channel_role: 'channel_moderator' },
    ]);
    expect(assigned.members.find((member) => member.user_id === 'carol')).toMatchObject({
      channel_role: 'channel_moderator',
    });
    await carolGeneral.demoteModerators(['carol']);
    expect(roleOf('carol')).toBe('channel_member');

    await expect(
      aliceGeneral.assignRoles([
        { user_id: 'carol', channel_role: 'channel_moderator' },
        { user_id: 'nobody-here', channel_role: 'channel_moderator' },
      ]),
    ).rejects.toMatchObject({ code: 4, status: 400 });
    await expect(
      aliceGeneral.assignRoles([{ user_id: 'carol', channel_role: 'channel_owner_of_all' }]),
    ).rejects.toMatchObject({ code: 4 });
    await expect(aliceGeneral.addModerators(['carol', 'nobody-here'])).rejects.toMatchObject({
      code: 4,
    });
    expect(roleOf('carol')).toBe('channel_member');

    const server = pool.server();
    await server.channel('messaging', 'general').demoteModerators(['bob']);
    expect(roleOf('bob')).toBe('channel_member');
  });

  it('keeps channel roles across a restart', async () => {
    const alice = await pool.connected('alice');
    const [general] = await alice.queryChannels({ id: 'general' });
    await general.addModerators(['carol']);
    const restarted = await startEmulator({ port: 0, quiet: true, seed: emulator.snapshot() });
    try {
      const server = new StreamChat(restarted.apiKey, restarted.apiSecret, {
        baseURL: restarted.url,
      });
      const [channel] = await server.queryChannels({ id: 'general' }, [], { user_id: 'alice' });
      expect(channel.state.members['carol']).toMatchObject({
        channel_role: 'channel_moderator',
        is_moderator: true,
      });
    } finally {
      await restarted.close();
    }
  });
});
