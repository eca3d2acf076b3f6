import { fakeMessage, fakeUser } from './fake-data';
import { withReaction, withoutReaction } from './fake-reactions';

describe('fake reactions', () => {
  const alice = fakeUser({ id: 'alice' });

  it('adds the user reaction once, beside others', () => {
    const message = fakeMessage({ reaction_counts: { like: 2 }, reaction_scores: { like: 2 } });

    const liked = withReaction(message, 'like', alice, { emoji: '👍' });

    expect(liked.reaction_counts).toEqual({ like: 3 });
    expect(liked.own_reactions).toEqual([expect.objectContaining({ type: 'like', emoji: '👍' })]);
    expect(withReaction(liked, 'like', alice)).toBe(liked);
  });

  it('removes the user reaction, dropping empty counts', () => {
    const liked = withReaction(fakeMessage(), 'love', alice);

    const unliked = withoutReaction(liked, 'love', 'alice');

    expect(unliked).toMatchObject({ reaction_counts: {}, own_reactions: [], latest_reactions: [] });
    expect(withoutReaction(unliked, 'love', 'alice')).toBe(unliked);
  });
});
