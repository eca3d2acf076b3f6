import type { Event as StreamEvent } from 'stream-chat';
import { ChatUser, collectUnreadCounters, ownUserAfterEvent, withUnreadCounters } from './own-user';

const alice = {
  role: 'user',
  id: 'alice',
  name: 'Alice',
  online: true,
  unread_count: 0,
  total_unread_count: 0,
  unread_channels: 0,
} as ChatUser;

const event = (fields: Record<string, unknown>) => fields as unknown as StreamEvent;

describe('ownUserAfterEvent', () => {
  it.each([
    'message.new',
    'notification.message_new',
    'notification.mark_read',
    'notification.mark_unread',
  ])('takes the unread counters from %s', (type) => {
    const next = ownUserAfterEvent(
      alice,
      event({ type, total_unread_count: 3, unread_channels: 2 }),
    );

    expect(next).toMatchObject({ total_unread_count: 3, unread_count: 3, unread_channels: 2 });
    expect(alice.total_unread_count).toBe(0);
  });

  it('returns undefined when the counters do not change', () => {
    expect(
      ownUserAfterEvent(
        alice,
        event({ type: 'notification.mark_read', total_unread_count: 0, unread_channels: 0 }),
      ),
    ).toBeUndefined();
  });

  it('ignores events that carry no counters or are not about the user', () => {
    expect(ownUserAfterEvent(alice, event({ type: 'message.new' }))).toBeUndefined();
    expect(
      ownUserAfterEvent(alice, event({ type: 'typing.start', total_unread_count: 9 })),
    ).toBeUndefined();
    expect(
      ownUserAfterEvent(alice, event({ type: 'user.updated', user: { id: 'bob', name: 'B' } })),
    ).toBeUndefined();
  });

  it('merges user.updated for the own user, keeping the socket online state', () => {
    const next = ownUserAfterEvent(
      { ...alice, online: false },
      event({
        type: 'user.updated',
        user: { id: 'alice', name: 'Alicia', online: true, color: 'red' },
      }),
    );

    expect(next).toMatchObject({ name: 'Alicia', color: 'red', online: false });
  });

  it('follows connection.changed for online', () => {
    const offline = ownUserAfterEvent(alice, event({ type: 'connection.changed', online: false }));

    expect(offline?.online).toBe(false);
    expect(
      ownUserAfterEvent(alice, event({ type: 'connection.changed', online: true })),
    ).toBeUndefined();
    expect(
      ownUserAfterEvent(offline!, event({ type: 'connection.changed', online: true }))?.online,
    ).toBe(true);
  });

  it('takes a fresh me from health.check', () => {
    const me = { ...alice, total_unread_count: 5, unread_count: 5 };

    expect(ownUserAfterEvent(alice, event({ type: 'health.check', me }))).toMatchObject({
      total_unread_count: 5,
      online: true,
    });
  });
});

describe('collectUnreadCounters and withUnreadCounters', () => {
  it('keep the latest of each counter across a burst, and copy the user once', () => {
    const counters = {};

    expect(
      collectUnreadCounters(
        counters,
        event({ type: 'message.new', total_unread_count: 1, unread_channels: 1 }),
      ),
    ).toBe(true);
    expect(collectUnreadCounters(counters, event({ type: 'typing.start' }))).toBe(false);
    expect(
      collectUnreadCounters(counters, event({ type: 'message.new', total_unread_count: 2 })),
    ).toBe(true);

    expect(counters).toEqual({ total_unread_count: 2, unread_count: 2, unread_channels: 1 });
    expect(withUnreadCounters(alice, counters)).toMatchObject({
      id: 'alice',
      total_unread_count: 2,
      unread_channels: 1,
    });
    expect(alice.total_unread_count).toBe(0);
  });

  it('withUnreadCounters gives undefined when the user already has the counters', () => {
    expect(
      withUnreadCounters(alice, { total_unread_count: 0, unread_count: 0, unread_channels: 0 }),
    ).toBeUndefined();
  });
});
