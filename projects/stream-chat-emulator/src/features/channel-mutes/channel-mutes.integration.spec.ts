import { StreamChat } from 'stream-chat';
import { RunningEmulator, startEmulator } from '../..';
import { emulatorForSpecFile, nextEvent } from '../../../test/client-harness';

describe('muting a channel', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  /** Bob's unread messages in a channel, as his channel query reports them. */
  async function bobUnread(bob: StreamChat, id: string): Promise<number | undefined> {
    const state = await bob.channel('messaging', id).query({});
    return state.read?.find((read) => read.user.id === 'bob')?.unread_messages;
  }

  it('mutes for the user only: event with me, muteStatus, muted channels raise no unread count', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceChannel] = await alice.queryChannels({ id: 'alice-bob' });
    const [bobChannel] = await bob.queryChannels({ id: 'alice-bob' });
    expect(bobChannel.data?.own_capabilities).toContain('mute-channel');
    expect(bobChannel.data?.config?.mutes).toBe(true);
    expect(bobChannel.muteStatus().muted).toBe(false);

    const updated = nextEvent(bob, 'notification.channel_mutes_updated');
    const response = await bobChannel.mute();
    expect(response.channel_mute).toMatchObject({
      user: { id: 'bob' },
      channel: { cid: 'messaging:alice-bob' },
    });
    expect(response.own_user.channel_mutes).toHaveLength(1);
    expect((await updated).me?.channel_mutes?.[0]?.channel?.cid).toBe('messaging:alice-bob');
    expect(bobChannel.muteStatus()).toMatchObject({ muted: true, expiresAt: null });
    expect(alice.mutedChannels).toEqual([]);

    const unreadBefore = await bobUnread(bob, 'alice-bob');
    const delivered = nextEvent(bob, 'message.new');
    await aliceChannel.sendMessage({ id: 'while-muted', text: 'psst' });
    expect((await delivered).message?.id).toBe('while-muted');
    expect(await bobUnread(bob, 'alice-bob')).toBe(unreadBefore);
    const [muted] = await bob.queryChannels({ id: 'alice-bob', muted: true });
    expect(muted.data?.muted).toBe(true);
    expect(await alice.queryChannels({ id: 'alice-bob', muted: true })).toEqual([]);

    const later = await pool.connected('bob');
    expect(later.mutedChannels.map((mute) => mute.channel?.cid)).toEqual(['messaging:alice-bob']);

    const unmuted = nextEvent(bob, 'notification.channel_mutes_updated');
    await bobChannel.unmute();
    expect((await unmuted).me?.channel_mutes).toEqual([]);
    expect(bobChannel.muteStatus().muted).toBe(false);
    await aliceChannel.sendMessage({ id: 'after-unmute', text: 'hello?' });
    expect(await bobUnread(bob, 'alice-bob')).toBe((unreadBefore ?? 0) + 1);
  });

  it('mutes with an expiration in milliseconds and keeps a muted hidden channel hidden', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceChannel] = await alice.queryChannels({ id: 'general' });
    const [bobChannel] = await bob.queryChannels({ id: 'general' });
    const updated = nextEvent(bob, 'notification.channel_mutes_updated');
    const { channel_mute } = await bobChannel.mute({ expiration: 3_600_000 });
    await updated;
    const expires = Date.parse(channel_mute.expires ?? '');
    expect(expires - Date.parse(channel_mute.created_at ?? '')).toBe(3_600_000);
    expect(bobChannel.muteStatus().expiresAt?.getTime()).toBe(expires);

    await bobChannel.hide();
    await aliceChannel.sendMessage({ id: 'muted-and-hidden', text: 'nobody hears' });
    expect(await bob.queryChannels({ id: 'general' })).toEqual([]);
    await bobChannel.show();
  });

  it('refuses unknown channels (16), channels the user cannot read (17) and bad expirations (4)', async () => {
    const alice = await pool.connected('alice');
    const aliceDesign = alice.channel('messaging', 'design');
    await expect(aliceDesign.mute()).rejects.toMatchObject({ code: 17, status: 403 });
    await expect(alice.channel('messaging', 'nowhere').mute()).rejects.toMatchObject({
      code: 16,
      status: 404,
    });
    const [general] = await alice.queryChannels({ id: 'general' });
    await expect(general.mute({ expiration: -5 })).rejects.toMatchObject({ code: 4 });
    expect(alice.mutedChannels).toEqual([]);
  });

  it('keeps mutes across a restart', async () => {
    const server = pool.server();
    await server.channel('messaging', 'design').mute({ user_id: 'carol' });
    const restarted = await startEmulator({ port: 0, quiet: true, seed: emulator.snapshot() });
    try {
      const client = new StreamChat(restarted.apiKey, restarted.apiSecret, {
        baseURL: restarted.url,
      });
      const [design] = await client.queryChannels(
        { id: 'design', muted: true },
        {},
        { user_id: 'carol' },
      );
      expect(design.data?.muted).toBe(true);
      expect(restarted.snapshot()['channel_mutes']).toEqual(emulator.snapshot()['channel_mutes']);
    } finally {
      await restarted.close();
    }
  });
});
