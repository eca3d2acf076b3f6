import type { ChatEvent } from '../store/chat-slice';
import { OwnMessageDatesState, reduceOwnMessageDates } from './own-message-dates.slice';

const view = { userId: 'me' };
const none: OwnMessageDatesState = { dates: {} };
const newMessage = (cid: string, userId: string, createdAt: string, type = 'message.new') =>
  ({
    type,
    cid,
    message: { id: createdAt, user: { id: userId }, created_at: createdAt },
  }) as ChatEvent;

describe('reduceOwnMessageDates', () => {
  it("records the date of the user's latest message per channel", () => {
    const next = reduceOwnMessageDates(
      none,
      [
        newMessage('messaging:a', 'me', '2024-01-01T10:00:00.000Z'),
        newMessage('messaging:b', 'me', '2024-01-01T11:00:00.000Z'),
        newMessage('messaging:a', 'me', '2024-01-01T12:00:00.000Z'),
      ],
      view,
    );
    expect(next.dates).toEqual({
      'messaging:a': new Date('2024-01-01T12:00:00.000Z'),
      'messaging:b': new Date('2024-01-01T11:00:00.000Z'),
    });
  });

  it('never moves a date back (an older echo after a newer message)', () => {
    const state = reduceOwnMessageDates(
      none,
      [newMessage('messaging:a', 'me', '2024-01-01T12:00:00.000Z')],
      view,
    );
    expect(
      reduceOwnMessageDates(
        state,
        [newMessage('messaging:a', 'me', '2024-01-01T10:00:00.000Z')],
        view,
      ),
    ).toBe(state);
  });

  it("ignores others' messages, other events, and events without a channel", () => {
    const events = [
      newMessage('messaging:a', 'alice', '2024-01-01T12:00:00.000Z'),
      newMessage('messaging:a', 'me', '2024-01-01T12:00:00.000Z', 'message.updated'),
      { type: 'message.new', message: { user: { id: 'me' } } } as ChatEvent,
      { type: 'ngx.messages.changed', cid: 'messaging:a' } as ChatEvent,
    ];
    expect(reduceOwnMessageDates(none, events, view)).toBe(none);
  });
});
