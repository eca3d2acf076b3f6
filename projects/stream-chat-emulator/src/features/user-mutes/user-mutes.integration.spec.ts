import { StreamChat } from 'stream-chat';
import { RunningEmulator, startEmulator } from '../..';
import { emulatorForSpecFile, nextEvent } from '../../../test/client-harness';
import { poll } from '../../../test/poll';

describe('user mutes and blocks', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  it('mutes a user: mutes_updated updates client.mutedUsers, me.mutes on connect, unmute, persistence', async () => {
    const alice = await pool.connected('alice');
    const updated = nextEvent(alice, 'notification.mutes_updated');
    const response = await alice.muteUser('bob', undefined, { timeout: 30 });
    expect(response.mute).toMatchObject({
      user: { id: 'alice' },
      target: { id: 'bob' },
      expires: expect.any(String),
    });
    await updated;
    expect(alice.userMuteStatus('bob')).toBe(true);
    const again = await pool.connected('alice');
    expect(again.mutedUsers.map((mute) => mute.target.id)).toEqual(['bob']);

    const snapshot = emulator.snapshot();
    const restarted = await startEmulator({ port: 0, quiet: true, seed: snapshot });
    try {
      const server = new StreamChat(restarted.apiKey, restarted.apiSecret, {
        baseURL: restarted.url,
      });
      const { own_user } = await server.muteUser('carol', 'alice');
      expect(own_user?.mutes.map((mute) => mute.target.id).sort()).toEqual(['bob', 'carol']);
    } finally {
      await restarted.close();
    }

    await alice.unmuteUser('bob');
    await poll(() => !alice.userMuteStatus('bob'), {
      description: 'bob is unmuted',
      timeoutMs: 3000,
    });
  });

  it('refuses muting oneself (4) and unknown users (16)', async () => {
    const alice = await pool.connected('alice');
    await expect(alice.muteUser('alice')).rejects.toMatchObject({ code: 4, status: 400 });
    await expect(alice.muteUser('nobody')).rejects.toMatchObject({ code: 16, status: 404 });
    expect(alice.mutedUsers).toEqual([]);
  });

  it('blocks and unblocks users: blocked_user_ids in me, getBlockedUsers, refusals', async () => {
    const alice = await pool.connected('alice');
    const blocked = await alice.blockUser('bob');
    expect(blocked).toMatchObject({ blocked_by_user_id: 'alice', blocked_user_id: 'bob' });
    const { blocks } = await alice.getBlockedUsers();
    expect(blocks).toMatchObject([
      { user_id: 'alice', blocked_user_id: 'bob', blocked_user: { id: 'bob' } },
    ]);
    const again = await pool.connected('alice');
    expect(again.blockedUsers.getLatestValue().userIds).toEqual(['bob']);
    const bob = await pool.connected('bob');
    expect((await bob.getBlockedUsers()).blocks).toEqual([]);
    await expect(alice.blockUser('nobody')).rejects.toMatchObject({ code: 16 });
    await expect(alice.blockUser('alice')).rejects.toMatchObject({ code: 4 });
    await alice.unBlockUser('bob');
    expect((await alice.getBlockedUsers()).blocks).toEqual([]);
    await expect(alice.unBlockUser('bob')).rejects.toMatchObject({ code: 16 });
  });
});
