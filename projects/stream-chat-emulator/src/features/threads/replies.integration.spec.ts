import { Event } from 'stream-chat';
import { RunningEmulator } from '../..';
import { emulatorForSpecFile, nextEvent } from '../../../test/client-harness';
import { threadSpecSeed } from './thread-spec-seed';

describe('thread replies: parent updates, deletion counts, getReplies paging', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started), { seed: threadSpecSeed() });

  it('sends the reply, then the parent with reply_count and thread_participants, to watchers', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const aliceChannel = alice.channel('messaging', 'team');
    await aliceChannel.watch();
    const bobChannel = bob.channel('messaging', 'team');
    await bobChannel.watch();
    const seen: Event[] = [];
    bob.on((event) => {
      if (event.type === 'message.new' || event.type === 'message.updated') {
        seen.push(event);
      }
    });
    const parentUpdated = nextEvent(
      bob,
      'message.updated',
      (event) => event.message?.id === 'team-root',
    );
    await aliceChannel.sendMessage({ id: 'r1', text: 'me', parent_id: 'team-root' });
    const updated = await parentUpdated;
    expect(updated).toMatchObject({
      cid: 'messaging:team',
      message: { id: 'team-root', reply_count: 1, own_reactions: [] },
    });
    expect(updated.message?.thread_participants?.map((user) => user.id)).toEqual(['alice']);
    expect(seen.map((event) => `${event.type}:${event.message?.id}`)).toEqual([
      'message.new:r1',
      'message.updated:team-root',
    ]);
    expect(bobChannel.state.threads['team-root']?.map((reply) => reply.id)).toEqual(['r1']);
    expect(
      bobChannel.state.messages.find((message) => message.id === 'team-root')?.reply_count,
    ).toBe(1);
  });

  it('lowers reply_count when a reply is deleted, soft (deleted_reply_count) or hard', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const aliceChannel = alice.channel('messaging', 'private');
    await aliceChannel.watch();
    await bob.channel('messaging', 'private').watch();
    await aliceChannel.sendMessage({ id: 'p1', text: 'yes', parent_id: 'private-root' });
    await aliceChannel.sendMessage({ id: 'p2', text: 'at noon', parent_id: 'private-root' });
    const afterSoft = nextEvent(
      bob,
      'message.updated',
      (event) => event.message?.id === 'private-root' && event.message.reply_count === 1,
    );
    await alice.deleteMessage('p1');
    expect((await afterSoft).message).toMatchObject({ reply_count: 1, deleted_reply_count: 1 });
    const afterHard = nextEvent(
      bob,
      'message.updated',
      (event) => event.message?.id === 'private-root' && event.message.reply_count === 0,
    );
    await alice.deleteMessage('p2', { hardDelete: true });
    expect((await afterHard).message).toMatchObject({ reply_count: 0, deleted_reply_count: 1 });
    const { message } = await bob.getMessage('private-root');
    expect(message).toMatchObject({ reply_count: 0, deleted_reply_count: 1 });
    expect(message.thread_participants?.map((user) => user.id)).toEqual(['alice']);
  });

  it('pages replies oldest first with id_lt, id_gt, id_gte, id_lte, id_around and created_at_around', async () => {
    const server = pool.server();
    const channel = server.channel('messaging', 'team');
    await channel.sendMessage({ id: 'paging-root', text: 'count with me', user_id: 'carol' });
    for (let index = 1; index <= 7; index++) {
      await channel.sendMessage({
        id: `n${index}`,
        text: `${index}`,
        parent_id: 'paging-root',
        user_id: index % 2 ? 'alice' : 'bob',
      });
    }
    const carol = await pool.connected('carol');
    const carolChannel = carol.channel('messaging', 'team');
    await carolChannel.watch();
    const ids = async (
      options: Parameters<typeof carolChannel.getReplies>[1],
      sort?: Parameters<typeof carolChannel.getReplies>[2],
    ): Promise<string[]> =>
      (await carolChannel.getReplies('paging-root', options, sort)).messages.map(
        (message) => message.id,
      );
    expect(await ids({ limit: 3 })).toEqual(['n5', 'n6', 'n7']);
    expect(await ids({ limit: 3 }, [{ created_at: -1 }])).toEqual(['n5', 'n6', 'n7']);
    expect(await ids({ limit: 3 }, [{ created_at: 1 }])).toEqual(['n1', 'n2', 'n3']);
    expect(await ids({ limit: 2, id_lt: 'n5' }, [{ created_at: -1 }])).toEqual(['n3', 'n4']);
    expect(await ids({ limit: 2, id_lte: 'n5' })).toEqual(['n4', 'n5']);
    expect(await ids({ limit: 2, id_gt: 'n2' })).toEqual(['n3', 'n4']);
    expect(await ids({ limit: 2, id_gte: 'n2' }, [{ created_at: -1 }])).toEqual(['n2', 'n3']);
    expect(await ids({ limit: 3, id_around: 'n4' })).toEqual(['n3', 'n4', 'n5']);
    expect(await ids({ limit: 3, id_around: 'n1' })).toEqual(['n1', 'n2', 'n3']);
    expect(await ids({ limit: 10, id_lt: 'unknown-reply' })).toEqual([]);
    const n6 = emulator.store.getMessage('n6');
    expect(await ids({ limit: 3, created_at_around: new Date(n6?.createdAt ?? '') })).toEqual([
      'n5',
      'n6',
      'n7',
    ]);
    expect(await ids({ limit: 10, created_at_after: new Date(n6?.createdAt ?? '') })).toEqual([
      'n7',
    ]);
  });

  it('refuses what it does not page by, and replies to replies, unknown parents, outsiders', async () => {
    const alice = await pool.connected('alice');
    const dave = await pool.connected('dave');
    const channel = alice.channel('messaging', 'private');
    await channel.watch();
    await channel.sendMessage({ id: 'outer', text: 'hi', parent_id: 'private-root' });
    await expect(channel.sendMessage({ text: 'nested', parent_id: 'outer' })).rejects.toMatchObject(
      { code: 21, status: 400 },
    );
    await expect(channel.getReplies('private-root', { limit: 5, offset: 2 })).rejects.toMatchObject(
      { code: 4, status: 400 },
    );
    await expect(
      channel.getReplies('private-root', { limit: 5, id_around: 'outer', id_lt: 'outer' }),
    ).rejects.toMatchObject({ code: 4, status: 400 });
    await expect(
      alice.get(`${alice.baseURL}/messages/private-root/replies`, {
        sort: [{ field: 'text', direction: 1 }],
      }),
    ).rejects.toMatchObject({ code: 4, status: 400 });
    await expect(channel.getReplies('private-root', { limit: 5000 })).rejects.toMatchObject({
      code: 4,
      status: 400,
    });
    await expect(channel.getReplies('no-such-message', { limit: 5 })).rejects.toMatchObject({
      code: 16,
      status: 404,
    });
    await expect(
      dave.channel('messaging', 'private').getReplies('private-root', { limit: 5 }),
    ).rejects.toMatchObject({ code: 17, status: 403 });
  });
});
