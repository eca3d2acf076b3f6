import { RunningEmulator } from '../..';
import { emulatorForSpecFile, nextEvent } from '../../../test/client-harness';

describe('truncating a channel', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  it('removes the messages for everyone, adds the system message and resets unread counts', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceChannel] = await alice.queryChannels({ id: 'alice-bob' });
    const [bobChannel] = await bob.queryChannels({ id: 'alice-bob' });
    expect(bobChannel.state.messages.length).toBeGreaterThan(0);
    expect(bobChannel.state.unreadCount).toBeGreaterThan(0);
    expect(aliceChannel.data?.own_capabilities).toContain('truncate-channel');
    expect(bobChannel.data?.own_capabilities).not.toContain('truncate-channel');

    const truncated = nextEvent(bob, 'channel.truncated');
    const notified = nextEvent(bob, 'notification.channel_truncated');
    const response = await aliceChannel.truncate({
      message: { id: 'cleared', text: 'Alice cleared the history' },
    });
    expect(response.channel).toMatchObject({
      cid: 'messaging:alice-bob',
      truncated_at: expect.any(String),
      truncated_by: { id: 'alice' },
    });
    expect(response.message).toMatchObject({ id: 'cleared', type: 'system' });
    const event = await truncated;
    expect(event).toMatchObject({
      user: { id: 'alice' },
      message: { id: 'cleared', type: 'system' },
    });
    expect(event.channel?.truncated_at).toBe(response.channel.truncated_at);
    expect((await notified).total_unread_count).toBe(0);
    expect(bobChannel.state.messages.map((message) => message.id)).toEqual(['cleared']);
    expect(bobChannel.state.unreadCount).toBe(0);
    expect(emulator.store.getMessage('alice-bob-1')).toBeUndefined();

    const [bobView] = await bob.queryChannels({ id: 'alice-bob' });
    expect(bobView.state.messages.map((message) => message.id)).toEqual(['cleared']);
    expect(bobView.data?.truncated_at).toBe(response.channel.truncated_at);
    expect(bobView.state.read['bob']?.unread_messages).toBe(0);
  });

  it('refuses members who do not moderate (17) and bad input (4), changing nothing', async () => {
    const bob = await pool.connected('bob');
    const [general] = await bob.queryChannels({ id: 'general' });
    const before = emulator.store.getChannel('messaging:general')?.messages.length;
    await expect(general.truncate()).rejects.toMatchObject({ code: 17, status: 403 });
    const server = pool.server().channel('messaging', 'general');
    await expect(
      server.truncate({ truncated_at: new Date(Date.now() + 3_600_000) }),
    ).rejects.toMatchObject({ code: 4, status: 400 });
    await expect(
      server.truncate({ message: { text: '   ' }, user_id: 'alice' }),
    ).rejects.toMatchObject({ code: 4 });
    await expect(server.truncate({ ...({ member_ids: ['bob'] } as object) })).rejects.toMatchObject(
      { code: 4 },
    );
    expect(emulator.store.getChannel('messaging:general')?.messages.length).toBe(before);
    expect(JSON.stringify(emulator.snapshot()['channel_truncations'])).not.toContain(
      'messaging:general',
    );
  });

  it('truncates server-side up to truncated_at, keeping later messages', async () => {
    const server = pool.server().channel('messaging', 'general');
    const cutoff = emulator.store.getMessage('general-2')?.createdAt ?? '';
    const { channel } = await server.truncate({
      truncated_at: new Date(cutoff),
      hard_delete: true,
    });
    expect(channel.truncated_at).toBe(cutoff);
    const remaining = emulator.store.getChannel('messaging:general')?.messages.map((m) => m.id);
    expect(remaining).toEqual(['general-2', 'general-3']);
    expect(emulator.snapshot()['channel_truncations']).toContainEqual({
      channel_cid: 'messaging:general',
      truncated_at: cutoff,
    });
  });
});
