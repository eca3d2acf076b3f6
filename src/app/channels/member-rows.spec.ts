import type { Channel } from 'stream-chat';
import { memberRows } from './member-rows';

describe('memberRows', () => {
  it('lists the connected user first, then by name, with role, invitation, ban and mute', () => {
    const channel = {
      state: {
        members: {
          carol: { user: { id: 'carol', name: 'Carol Diaz' }, invited: true, banned: true },
          alice: { user: { id: 'alice', name: 'Alice Martin' }, channel_role: 'channel_moderator' },
          bob: { user: { id: 'bob', name: 'Bob Nguyen', online: true } },
        },
      },
    } as unknown as Channel;
    const rows = memberRows(channel, 'alice', new Set(['bob']));
    expect(rows.map((r) => r.id)).toEqual(['alice', 'bob', 'carol']);
    expect(rows[0]).toMatchObject({ own: true, online: true, moderator: true, muted: false });
    expect(rows[1]).toMatchObject({ online: true, muted: true, banned: false, invited: false });
    expect(rows[2]).toMatchObject({ online: false, invited: true, banned: true });
  });

  it('tells a declined invitation from a pending one', () => {
    const channel = {
      state: {
        members: {
          bob: {
            user: { id: 'bob', name: 'Bob Nguyen' },
            invited: true,
            invite_rejected_at: '2026-01-01T00:00:00Z',
          },
          carol: { user: { id: 'carol', name: 'Carol Diaz' }, invited: true },
          dan: {
            user: { id: 'dan', name: 'Dan Wu' },
            invited: true,
            invite_accepted_at: '2026-01-01T00:00:00Z',
          },
        },
      },
    } as unknown as Channel;
    expect(
      memberRows(channel, 'alice', new Set()).map(({ id, invited, declined }) => ({
        id,
        invited,
        declined,
      })),
    ).toEqual([
      { id: 'bob', invited: false, declined: true },
      { id: 'carol', invited: true, declined: false },
      { id: 'dan', invited: false, declined: false },
    ]);
  });
});
