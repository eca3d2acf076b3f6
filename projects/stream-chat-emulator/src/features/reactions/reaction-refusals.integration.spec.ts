import type { Reaction } from 'stream-chat';
import { RunningEmulator, SeedData } from '../..';
import { customFields, emulatorForSpecFile } from '../../../test/client-harness';

const seed: SeedData = {
  users: [
    { id: 'alice', name: 'Alice' },
    { id: 'bob', name: 'Bob' },
    { id: 'carol', name: 'Carol' },
  ],
  channels: [
    {
      type: 'messaging',
      id: 'chat',
      created_by_id: 'alice',
      members: ['alice', 'bob'],
      messages: [
        { id: 'open', user_id: 'alice', text: 'react to me' },
        { id: 'doomed', user_id: 'alice', text: 'about to be deleted' },
      ],
    },
    {
      type: 'messaging',
      id: 'frozen-room',
      created_by_id: 'alice',
      frozen: true,
      members: ['alice', 'bob'],
      messages: [{ id: 'icy', user_id: 'bob', text: 'cold' }],
    },
    {
      type: 'livestream',
      id: 'stage',
      created_by_id: 'alice',
      members: ['alice'],
      messages: [{ id: 'on-stage', user_id: 'alice', text: 'hello audience' }],
    },
  ],
  reactions: {
    icy: { reactions: [{ type: 'love', user_id: 'alice' }] },
  },
};

describe('reaction refusals', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started), { seed });

  /** The stored reactions, as the data file would hold them. */
  const storedReactions = () => emulator.snapshot()['reactions'];

  it('refuses invalid reactions with code 4 and stores nothing', async () => {
    const alice = await pool.connected('alice');
    const channel = alice.channel('messaging', 'chat');
    await channel.watch();
    await channel.sendReaction('open', { type: 'like' });
    const before = JSON.stringify(storedReactions());
    const invalid: Reaction[] = [
      { type: '' },
      { type: '   ' },
      { type: 'x'.repeat(65) },
      customFields<Reaction>({ type: 42 }),
      customFields<Reaction>({ score: 2 }),
      { type: 'love', score: 0 },
      customFields<Reaction>({ type: 'love', score: 'lots' }),
      customFields<Reaction>({ type: 'love', blob: 'y'.repeat(1100) }),
    ];
    for (const reaction of invalid) {
      await expect(channel.sendReaction('open', reaction)).rejects.toMatchObject({
        code: 4,
        status: 400,
      });
    }
    await expect(
      channel.sendReaction(
        'open',
        { type: 'love' },
        customFields<{ enforce_unique: boolean }>({ enforce_unique: 'yes' }),
      ),
    ).rejects.toMatchObject({ code: 4 });
    expect(JSON.stringify(storedReactions())).toBe(before);
    await expect(channel.sendReaction('open', { type: 'x'.repeat(64) })).resolves.toMatchObject({
      reaction: { type: 'x'.repeat(64) },
    });
  });

  it('ignores the server-computed fields a client may echo back (created_at, message_id...)', async () => {
    const alice = await pool.connected('alice');
    const channel = alice.channel('messaging', 'chat');
    await channel.watch();
    const { reaction } = await channel.sendReaction(
      'open',
      customFields<Reaction>({
        type: 'echo',
        message_id: 'doomed',
        created_at: '2000-01-01T00:00:00.000Z',
        updated_at: '2000-01-01T00:00:00.000Z',
        user: { id: 'alice', name: 'Not stored' },
        kept: true,
      }),
    );
    expect(reaction).toMatchObject({ type: 'echo', message_id: 'open', kept: true });
    expect(reaction.created_at).not.toBe('2000-01-01T00:00:00.000Z');
    expect(reaction.user).toMatchObject({ id: 'alice', name: 'Alice' });
  });

  it('refuses unknown (16/404) and deleted (4) messages', async () => {
    const alice = await pool.connected('alice');
    const channel = alice.channel('messaging', 'chat');
    await channel.watch();
    await channel.sendReaction('doomed', { type: 'like' });
    await alice.deleteMessage('doomed');
    await expect(channel.sendReaction('no-such-message', { type: 'like' })).rejects.toMatchObject({
      code: 16,
      status: 404,
    });
    await expect(channel.deleteReaction('no-such-message', 'like')).rejects.toMatchObject({
      code: 16,
      status: 404,
    });
    await expect(channel.getReactions('no-such-message', {})).rejects.toMatchObject({
      code: 16,
    });
    await expect(channel.sendReaction('doomed', { type: 'love' })).rejects.toMatchObject({
      code: 4,
      status: 400,
    });
    await expect(channel.deleteReaction('doomed', 'like')).rejects.toMatchObject({ code: 4 });
  });

  it('refuses callers who cannot read or write the channel, and acting for someone else (17)', async () => {
    const carol = await pool.connected('carol');
    const outsider = carol.channel('messaging', 'chat');
    await expect(outsider.sendReaction('open', { type: 'like' })).rejects.toMatchObject({
      code: 17,
      status: 403,
    });
    await expect(carol.queryReactions('open', {})).rejects.toMatchObject({ code: 17 });

    const bob = await pool.connected('bob');
    const bobChannel = bob.channel('messaging', 'chat');
    await bobChannel.watch();
    await expect(
      bobChannel.sendReaction('open', { type: 'like', user_id: 'alice' }),
    ).rejects.toMatchObject({ code: 17, status: 403 });

    const anonymous = pool.client();
    await anonymous.connectAnonymousUser();
    const stage = anonymous.channel('livestream', 'stage');
    const state = await stage.watch();
    expect(state.channel.own_capabilities).not.toContain('send-reaction');
    await expect(stage.sendReaction('on-stage', { type: 'like' })).rejects.toMatchObject({
      code: 17,
      status: 403,
    });
    await expect(stage.getReactions('on-stage', {})).resolves.toMatchObject({ reactions: [] });
  });

  it('refuses sending and deleting reactions in a frozen channel (17/403)', async () => {
    const alice = await pool.connected('alice');
    const [frozen] = await alice.queryChannels({ id: 'frozen-room' });
    expect(frozen.data?.own_capabilities).not.toContain('send-reaction');
    expect(frozen.data?.config).toMatchObject({ reactions: true });
    await expect(frozen.sendReaction('icy', { type: 'like' })).rejects.toMatchObject({
      code: 17,
      status: 403,
    });
    await expect(frozen.deleteReaction('icy', 'love')).rejects.toMatchObject({
      code: 17,
      status: 403,
    });
    const [chat] = await alice.queryChannels({ id: 'chat' });
    expect(chat.data?.own_capabilities).toContain('send-reaction');
    expect(frozen.state.messages.find((message) => message.id === 'icy')?.reaction_counts).toEqual({
      love: 1,
    });
  });
});
