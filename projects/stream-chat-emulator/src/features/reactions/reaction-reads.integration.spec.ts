import type { ReactionResponse } from 'stream-chat';
import { SeedData } from '../..';
import { emulatorForSpecFile } from '../../../test/client-harness';

const fans = Array.from({ length: 30 }, (_, index) => `fan-${String(index).padStart(2, '0')}`);
const types = ['love', 'like', 'haha'];

/** 30 fans react to `popular`, one a minute, types in turn: 10 of each type. */
const seed: SeedData = {
  users: [{ id: 'alice', name: 'Alice' }, ...fans.map((id) => ({ id }))],
  channels: [
    {
      type: 'messaging',
      id: 'fan-club',
      created_by_id: 'alice',
      members: ['alice', ...fans],
      messages: [{ id: 'popular', user_id: 'alice', text: 'react!' }],
    },
  ],
  reactions: {
    popular: {
      reactions: fans.map((userId, index) => ({
        type: types[index % 3],
        user_id: userId,
        score: index % 3 === 0 ? 2 : 1,
        created_at: `2024-06-01T10:${String(index).padStart(2, '0')}:00.000Z`,
      })),
    },
  },
};

const users = (reactions: ReactionResponse[]) =>
  reactions.map((reaction) => String(reaction.user_id));
const newestFans = [...fans].reverse();

describe('reading reactions: getReactions, queryReactions and message aggregates', () => {
  const pool = emulatorForSpecFile(() => undefined, { seed });

  it('pages getReactions newest first with limit and offset (default 25, at most 300)', async () => {
    const alice = await pool.connected('alice');
    const channel = alice.channel('messaging', 'fan-club');
    await channel.watch();
    expect(users((await channel.getReactions('popular', {})).reactions)).toEqual(
      newestFans.slice(0, 25),
    );
    expect(
      users((await channel.getReactions('popular', { limit: 10, offset: 25 })).reactions),
    ).toEqual(newestFans.slice(25));
    const [first] = (await channel.getReactions('popular', { limit: 1 })).reactions;
    expect(first).toMatchObject({
      type: 'haha',
      user_id: 'fan-29',
      user: { id: 'fan-29' },
      message_id: 'popular',
      score: 1,
      created_at: '2024-06-01T10:29:00.000Z',
      updated_at: '2024-06-01T10:29:00.000Z',
    });
    for (const options of [{ limit: 301 }, { limit: -1 }, { offset: -5 }]) {
      await expect(channel.getReactions('popular', options)).rejects.toMatchObject({ code: 4 });
    }
  });

  it('queries reactions by type with sort and follows the next cursor to the end', async () => {
    const alice = await pool.connected('alice');
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const page = await alice.queryReactions(
        'popular',
        { type: 'like' },
        { created_at: -1 },
        { limit: 4, ...(next ? { next } : {}) },
      );
      expect(page.reactions.every((reaction) => reaction.type === 'like')).toBe(true);
      seen.push(...users(page.reactions));
      next = page.next;
      pages++;
    } while (next && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(newestFans.filter((_, index) => (29 - index) % 3 === 1));

    const oldestFirst = await alice.queryReactions('popular', {}, { created_at: 1 }, { limit: 3 });
    expect(users(oldestFirst.reactions)).toEqual(['fan-00', 'fan-01', 'fan-02']);
    expect(oldestFirst.next).toEqual(expect.any(String));
    const byUser = await alice.queryReactions('popular', {
      user_id: { $in: ['fan-03', 'fan-04'] },
    });
    expect(users(byUser.reactions)).toEqual(['fan-04', 'fan-03']);
    expect(byUser.next).toBeUndefined();
  });

  it('refuses unsupported filters and foreign cursors (code 4)', async () => {
    const alice = await pool.connected('alice');
    const refusals = [
      alice.queryReactions('popular', { mood: 'happy' } as never),
      alice.queryReactions('popular', {}, [], { next: 'not-a-cursor' }),
      alice.queryReactions('popular', {}, [], { prev: 'anything' }),
      alice.queryReactions('popular', {}, [], { limit: 0 }),
    ];
    for (const refusal of refusals) {
      await expect(refusal).rejects.toMatchObject({ code: 4, status: 400 });
    }
  });

  it('sums a busy message into the five aggregate fields (latest_reactions: the 10 newest)', async () => {
    const fan = await pool.connected('fan-03');
    const channel = fan.channel('messaging', 'fan-club');
    const state = await channel.watch();
    const message = state.messages.find((item) => item.id === 'popular');
    expect(users(message?.latest_reactions ?? [])).toEqual(newestFans.slice(0, 10));
    expect(users(message?.own_reactions ?? [])).toEqual(['fan-03']);
    expect(message?.reaction_counts).toEqual({ love: 10, like: 10, haha: 10 });
    expect(message?.reaction_scores).toEqual({ love: 20, like: 10, haha: 10 });
    expect(message?.reaction_groups?.['love']).toMatchObject({
      count: 10,
      sum_scores: 20,
      first_reaction_at: '2024-06-01T10:00:00.000Z',
      last_reaction_at: '2024-06-01T10:27:00.000Z',
    });
    expect(message?.reaction_groups?.['love']?.latest_reactions_by?.[0]).toMatchObject({
      user_id: 'fan-27',
      created_at: '2024-06-01T10:27:00.000Z',
    });
  });
});
