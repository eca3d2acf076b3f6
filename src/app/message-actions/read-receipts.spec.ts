import { fakeChannel, fakeMessage } from 'ngx-stream-chat/testing';
import { latestOwnMessage, seenBy, seenByText } from './read-receipts';

describe('read receipts', () => {
  const sent = new Date('2024-05-01T09:05:00.000Z');

  it('finds the user’s latest message the server has', () => {
    const mine = fakeMessage({ id: 'a', user: { id: 'alice' } });
    const theirs = fakeMessage({ id: 'b', user: { id: 'bob' } });
    expect(latestOwnMessage([mine, theirs], 'alice')).toBe(mine);
    expect(
      latestOwnMessage(
        [mine, fakeMessage({ id: 'c', user: { id: 'alice' }, status: 'sending' })],
        'alice',
      ),
    ).toBeUndefined();
    expect(latestOwnMessage([theirs], 'alice')).toBeUndefined();
  });

  it('names the others whose last read is at or after the message', () => {
    const channel = fakeChannel('general', {
      read: {
        alice: new Date('2024-05-01T09:10:00.000Z'),
        bob: new Date('2024-05-01T09:05:00.000Z'),
        carol: new Date('2024-05-01T09:00:00.000Z'),
      },
    });
    const message = fakeMessage({ created_at: sent, user: { id: 'alice' } });
    expect(seenBy(channel, message, 'alice')).toEqual(['bob']);
  });

  it('says it in words', () => {
    expect(seenByText([])).toBe('');
    expect(seenByText(['Bob'])).toBe('Seen by Bob');
    expect(seenByText(['Bob', 'Carol'])).toBe('Seen by Bob and Carol');
    expect(seenByText(['A', 'B', 'C'])).toBe('Seen by 3 people');
  });
});
