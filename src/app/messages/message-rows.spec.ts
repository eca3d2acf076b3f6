import { ChatMessage } from 'ngx-stream-chat';
import { fakeMessage } from 'ngx-stream-chat/testing';
import { ListRow, messageRows } from './message-rows';

function at(day: number, hours: number, minutes: number): Date {
  return new Date(2026, 4, day, hours, minutes);
}

function message(id: string, userId: string, created: Date, extra: Partial<ChatMessage> = {}) {
  return fakeMessage({ id, user: { id: userId }, created_at: created, ...extra });
}

/** A compact picture of the rows: `day`, `unread`, or `id:first-last` flags. */
function shape(rows: ListRow[]): string[] {
  return rows.map((row) => {
    if (row.kind !== 'message') {
      return row.kind;
    }
    return `${row.key}${row.first ? '^' : ''}${row.last ? '$' : ''}${row.own ? ' own' : ''}`;
  });
}

describe('messageRows', () => {
  it('groups consecutive messages of one author sent within five minutes', () => {
    const rows = messageRows(
      [
        message('1', 'bob', at(1, 9, 0)),
        message('2', 'bob', at(1, 9, 4)),
        message('3', 'bob', at(1, 9, 9)),
        message('4', 'alice', at(1, 9, 10)),
        message('5', 'bob', at(1, 9, 11)),
      ],
      { ownUserId: 'alice' },
    );
    expect(shape(rows)).toEqual(['day', '1^', '2', '3$', '4^$ own', '5^$']);
  });

  it('puts a day separator before the first message of each day, and breaks groups there', () => {
    const rows = messageRows(
      [message('1', 'bob', at(1, 23, 58)), message('2', 'bob', at(2, 0, 1))],
      { ownUserId: 'alice' },
    );
    expect(shape(rows)).toEqual(['day', '1^$', 'day', '2^$']);
    expect(rows.filter((row) => row.kind === 'day').map((row) => row.date)).toEqual([
      at(1, 23, 58),
      at(2, 0, 1),
    ]);
  });

  it("marks the first message of someone else sent after the user's last read", () => {
    const messages = [
      message('1', 'bob', at(1, 9, 0)),
      message('2', 'alice', at(1, 9, 1)),
      message('3', 'alice', at(1, 9, 3)),
      message('4', 'bob', at(1, 9, 4)),
      message('5', 'bob', at(1, 9, 5)),
    ];
    expect(shape(messageRows(messages, { ownUserId: 'alice', lastRead: at(1, 9, 0) }))).toEqual([
      'day',
      '1^$',
      '2^ own',
      '3$ own',
      'unread',
      '4^',
      '5$',
    ]);
    expect(
      messageRows(messages, { ownUserId: 'alice', lastRead: at(1, 9, 5) }).some(
        (row) => row.kind === 'unread',
      ),
    ).toBe(false);
    expect(messageRows(messages, { ownUserId: 'alice' }).some((row) => row.kind === 'unread')).toBe(
      false,
    );
  });

  it('lets system messages stand alone', () => {
    const rows = messageRows(
      [
        message('1', 'bob', at(1, 9, 0)),
        message('2', 'bob', at(1, 9, 1), { type: 'system' }),
        message('3', 'bob', at(1, 9, 2)),
      ],
      { ownUserId: 'alice' },
    );
    expect(shape(rows)).toEqual(['day', '1^$', '2^$', '3^$']);
  });

  it('keeps messages without a valid time, ungrouped and without a day', () => {
    const rows = messageRows(
      [message('1', 'bob', new Date('nope')), message('2', 'bob', new Date('nope'))],
      { ownUserId: undefined },
    );
    expect(shape(rows)).toEqual(['1^$', '2^$']);
  });
});
