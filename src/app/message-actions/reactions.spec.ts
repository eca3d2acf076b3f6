import type { ReactionResponse } from 'stream-chat';
import { fakeMessage } from 'ngx-stream-chat/testing';
import { reactionSummaries, reactorNames } from './reactions';

describe('reactionSummaries', () => {
  it('lists the chosen types in the picker order, with counts and the user’s own', () => {
    const message = fakeMessage({
      reaction_groups: {
        custom: { count: 1, sum_scores: 1 },
        haha: { count: 2, sum_scores: 2 },
        like: { count: 1, sum_scores: 1 },
        sad: { count: 0, sum_scores: 0 },
      },
      own_reactions: [{ type: 'haha' } as ReactionResponse],
    } as never);
    expect(reactionSummaries(message)).toEqual([
      { type: 'like', emoji: '👍', label: 'Thumbs up', count: 1, own: false },
      { type: 'haha', emoji: '😂', label: 'Laughing', count: 2, own: true },
      { type: 'custom', emoji: '⭐', label: 'custom', count: 1, own: false },
    ]);
  });

  it('falls back on reaction_counts', () => {
    const message = fakeMessage({ reaction_counts: { love: 3 } });
    expect(reactionSummaries(message).map((r) => [r.type, r.count])).toEqual([['love', 3]]);
  });
});

describe('reactorNames', () => {
  const reaction = (type: string, id: string, name?: string) =>
    ({ type, user_id: id, user: { id, name } }) as ReactionResponse;

  it('names who chose a type, you first, once each', () => {
    const reactions = [
      reaction('like', 'bob', 'Bob Nguyen'),
      reaction('like', 'alice', 'Alice Martin'),
      reaction('like', 'bob', 'Bob Nguyen'),
      reaction('love', 'carol', 'Carol Diaz'),
    ];
    expect(reactorNames(reactions, 'like', 'alice')).toBe('You and Bob Nguyen');
    expect(reactorNames(reactions, 'love', 'alice')).toBe('Carol Diaz');
    expect(reactorNames(reactions, 'wow', 'alice')).toBe('');
  });

  it('counts the rest past three people', () => {
    const reactions = ['a', 'b', 'c', 'd', 'e'].map((id) => reaction('like', id));
    expect(reactorNames(reactions, 'like', undefined)).toBe('a, b and 3 others');
    expect(reactorNames(reactions.slice(0, 3), 'like', undefined)).toBe('a, b and c');
  });
});
