import type { Channel, UserResponse } from 'stream-chat';
import { typingUsersOf } from './typing.slice';

const typingIn = (typing: Record<string, { user?: UserResponse; parent_id?: string }>) =>
  ({ state: { typing } }) as unknown as Channel;

describe('typingUsersOf', () => {
  const channel = typingIn({
    me: { user: { id: 'me' } },
    ann: { user: { id: 'ann' } },
    bob: { user: { id: 'bob' }, parent_id: 'p1' },
    cat: { user: { id: 'cat' } },
  });

  it('lists the others typing in the main list, in order, never the user', () => {
    expect(typingUsersOf(channel, 'me', []).map((user) => user.id)).toEqual(['ann', 'cat']);
  });

  it('lists those typing in a thread when given its parent', () => {
    expect(typingUsersOf(channel, 'me', [], 'p1').map((user) => user.id)).toEqual(['bob']);
  });

  it('keeps the previous array when the same users type, and is empty without a channel', () => {
    const previous = typingUsersOf(channel, 'me', []);
    expect(typingUsersOf(channel, 'me', previous)).toBe(previous);
    expect(typingUsersOf(undefined, 'me', previous)).toEqual([]);
  });
});
