import type { LocalMessage, ReactionResponse } from 'stream-chat';
import { withOwnReaction, withoutOwnReaction } from './optimistic-reactions';

const at = '2024-05-01T10:00:00.000Z';

function reaction(type: string, userId: string, score?: number): ReactionResponse {
  return {
    type,
    user_id: userId,
    user: { id: userId },
    message_id: 'm1',
    created_at: at,
    updated_at: at,
    ...(score === undefined ? {} : { score }),
  } as ReactionResponse;
}

/** A message with Alice's "love" and nothing of "me". */
function message(extra: Partial<LocalMessage> = {}): LocalMessage {
  return {
    id: 'm1',
    text: 'hello',
    reaction_counts: { love: 1 },
    reaction_scores: { love: 1 },
    reaction_groups: {
      love: { count: 1, sum_scores: 1, first_reaction_at: at, last_reaction_at: at },
    },
    own_reactions: [],
    latest_reactions: [reaction('love', 'alice', 1)],
    ...extra,
  } as unknown as LocalMessage;
}

describe('withOwnReaction', () => {
  it('counts a new type, scores it 1 by default, and lists it as own and latest', () => {
    const mine = reaction('wow', 'me');
    const original = message();
    const frozen = JSON.stringify(original);

    const next = withOwnReaction(original, mine);

    expect(next.reaction_counts).toEqual({ love: 1, wow: 1 });
    expect(next.reaction_scores).toEqual({ love: 1, wow: 1 });
    expect(next.reaction_groups?.['wow']).toMatchObject({ count: 1, sum_scores: 1 });
    expect(next.reaction_groups?.['love']).toBe(original.reaction_groups?.['love']);
    expect(next.own_reactions).toEqual([mine]);
    expect(next.latest_reactions?.[0]).toBe(mine);
    expect(next.latest_reactions).toHaveLength(2);
    expect(JSON.stringify(original)).toBe(frozen);
  });

  it("adds to a type others used, keeping when it was first used and adding the reaction's score", () => {
    const next = withOwnReaction(message(), reaction('love', 'me', 5));

    expect(next.reaction_counts).toEqual({ love: 2 });
    expect(next.reaction_scores).toEqual({ love: 6 });
    expect(next.reaction_groups?.['love']).toMatchObject({
      count: 2,
      sum_scores: 6,
      first_reaction_at: at,
    });
    expect(next.reaction_groups?.['love']?.last_reaction_at).not.toBe(at);
  });

  it('works on a message that has no reaction fields yet', () => {
    const bare = { id: 'm2', text: 'new' } as unknown as LocalMessage;

    const next = withOwnReaction(bare, reaction('like', 'me'));

    expect(next.reaction_counts).toEqual({ like: 1 });
    expect(next.own_reactions).toHaveLength(1);
    expect(next.latest_reactions).toHaveLength(1);
  });
});

describe('withoutOwnReaction', () => {
  it("removes the user's reaction of the type, dropping the type when nobody else used it", () => {
    const mine = reaction('wow', 'me', 2);
    const original = withOwnReaction(message(), mine);
    const frozen = JSON.stringify(original);

    const next = withoutOwnReaction(original, 'wow', 'me');

    expect(next.reaction_counts).toEqual({ love: 1 });
    expect(next.reaction_scores).toEqual({ love: 1 });
    expect(next.reaction_groups).not.toHaveProperty('wow');
    expect(next.own_reactions).toEqual([]);
    expect(next.latest_reactions?.map((r) => r.user_id)).toEqual(['alice']);
    expect(JSON.stringify(original)).toBe(frozen);
  });

  it("keeps others' reactions of the same type, and the user's other types", () => {
    const withLove = withOwnReaction(message(), reaction('love', 'me', 3));
    const withBoth = withOwnReaction(withLove, reaction('wow', 'me'));

    const next = withoutOwnReaction(withBoth, 'love', 'me');

    expect(next.reaction_counts).toEqual({ love: 1, wow: 1 });
    expect(next.reaction_scores).toEqual({ love: 1, wow: 1 });
    expect(next.reaction_groups?.['love']).toMatchObject({ count: 1, sum_scores: 1 });
    expect(next.own_reactions?.map((r) => r.type)).toEqual(['wow']);
    expect(next.latest_reactions?.map((r) => [r.type, r.user_id])).toEqual([
      ['wow', 'me'],
      ['love', 'alice'],
    ]);
  });

  it('recognises the user by user.id when user_id is missing', () => {
    const mine = { ...reaction('wow', 'me'), user_id: undefined } as ReactionResponse;
    const next = withoutOwnReaction(withOwnReaction(message(), mine), 'wow', 'me');

    expect(next.own_reactions).toEqual([]);
    expect(next.reaction_counts).toEqual({ love: 1 });
  });

  it('undoes withOwnReaction', () => {
    const original = message();

    const next = withoutOwnReaction(withOwnReaction(original, reaction('wow', 'me')), 'wow', 'me');

    expect(next).toEqual(original);
  });
});
