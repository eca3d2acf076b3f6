import { StreamChat } from 'stream-chat';
import { RunningEmulator, SeedData, startEmulator } from '../..';
import { emulatorForSpecFile, nextEvent, rejectionOf } from '../../../test/client-harness';

const seed: SeedData = {
  users: [
    { id: 'alice', role: 'user' },
    { id: 'bob', role: 'user' },
    { id: 'carol', role: 'user' },
    { id: 'root', role: 'admin' },
  ],
  channels: [
    {
      type: 'messaging',
      id: 'room',
      created_by_id: 'alice',
      members: [{ user_id: 'alice', channel_role: 'channel_moderator' }, 'bob', 'carol'],
    },
  ],
};

describe('bans', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started), { seed });

  it('lets a channel moderator ban a member: user.banned to watchers, member banned, sends refused (17)', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const carol = await pool.connected('carol');
    const [aliceRoom] = await alice.queryChannels({ id: 'room' });
    const [bobRoom] = await bob.queryChannels({ id: 'room' });
    const [carolRoom] = await carol.queryChannels({ id: 'room' });
    expect(aliceRoom.data?.own_capabilities).toContain('ban-channel-members');
    expect(carolRoom.data?.own_capabilities).not.toContain('ban-channel-members');

    const banned = nextEvent(carol, 'user.banned');
    await aliceRoom.banUser('bob', { timeout: 60, reason: 'spam' });
    const event = await banned;
    expect(event).toMatchObject({ cid: 'messaging:room', user: { id: 'bob' }, reason: 'spam' });
    expect(event.shadow).toBe(false);
    expect(carolRoom.state.members['bob']?.banned).toBe(true);

    const refusal = await rejectionOf(bobRoom.sendMessage({ text: 'let me talk' }));
    expect(refusal).toMatchObject({ code: 17, status: 403 });
    expect((refusal as Error).message).toContain('suspended from chat');

    const { members } = await carolRoom.queryMembers({ id: 'bob' });
    expect(members[0]).toMatchObject({ banned: true, ban_expires: expect.any(String) });

    const { bans } = await alice.queryBannedUsers({ channel_cid: 'messaging:room' });
    expect(bans).toHaveLength(1);
    expect(bans?.[0]).toMatchObject({
      user: { id: 'bob' },
      banned_by: { id: 'alice' },
      reason: 'spam',
    });

    const unbanned = nextEvent(carol, 'user.unbanned');
    await aliceRoom.unbanUser('bob');
    await unbanned;
    expect(carolRoom.state.members['bob']?.banned).toBe(false);
    await expect(bobRoom.sendMessage({ text: 'back again' })).resolves.toBeDefined();
  });

  it('refuses bans by non-moderators (17), of unknown users (16) and app-wide by users (17)', async () => {
    const carol = await pool.connected('carol');
    const [room] = await carol.queryChannels({ id: 'room' });
    await expect(room.banUser('bob', {})).rejects.toMatchObject({ code: 17, status: 403 });
    await expect(carol.banUser('bob')).rejects.toMatchObject({ code: 17, status: 403 });
    await expect(pool.server().banUser('nobody', {})).rejects.toMatchObject({
      code: 16,
      status: 404,
    });
    expect((await pool.server().queryBannedUsers({})).bans).toHaveLength(0);
  });

  it('bans app-wide (user banned in responses, user.banned to the user) and lets the user connect and read', async () => {
    const server = pool.server();
    const carol = await pool.connected('carol');
    const banned = nextEvent(carol, 'user.banned');
    await server.banUser('carol', { banned_by_id: 'root', reason: 'abuse' });
    expect((await banned).user?.banned).toBe(true);
    const again = await pool.connected('carol');
    const [room] = await again.queryChannels({ id: 'room' });
    expect(room.state.messages).toBeDefined();
    await expect(room.sendMessage({ text: 'hello?' })).rejects.toMatchObject({ code: 17 });
    const { users } = await server.queryUsers({ id: 'carol' });
    expect(users[0].banned).toBe(true);
    await server.unbanUser('carol');
    expect((await server.queryUsers({ id: 'carol' })).users[0].banned).toBe(false);
  });

  it('shadow-bans: the sender sees a normal message, others get it shadowed and drop it', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceRoom] = await alice.queryChannels({ id: 'room' });
    const [bobRoom] = await bob.queryChannels({ id: 'room' });
    await aliceRoom.shadowBan('bob', {});
    const delivered = nextEvent(alice, 'message.new', (event) => event.message?.id === 'ghost');
    const { message } = await bobRoom.sendMessage({ id: 'ghost', text: 'can anyone hear me' });
    expect(message.shadowed).toBe(false);
    expect((await delivered).message?.shadowed).toBe(true);
    expect(aliceRoom.state.messages.find((item) => item.id === 'ghost')).toBeUndefined();
    const state = await aliceRoom.query({ messages: { limit: 50 } });
    expect(state.messages.find((item) => item.id === 'ghost')?.shadowed).toBe(true);
    expect(state.members.find((member) => member.user_id === 'bob')?.shadow_banned).toBe(true);

    const snapshot = emulator.snapshot();
    const restarted = await startEmulator({ port: 0, quiet: true, seed: snapshot });
    try {
      const server = new StreamChat(restarted.apiKey, restarted.apiSecret, {
        baseURL: restarted.url,
      });
      const { bans } = await server.queryBannedUsers({ user_id: 'bob' });
      expect(bans).toMatchObject([{ user: { id: 'bob' }, shadow: true }]);
      expect((await server.getMessage('ghost')).message.shadowed).toBe(true);
    } finally {
      await restarted.close();
    }
    await aliceRoom.removeShadowBan('bob');
  });
});
