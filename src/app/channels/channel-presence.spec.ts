import { fakeChannel } from 'ngx-stream-chat/testing';
import { channelPresence, counterpartOf, presenceLine } from './channel-presence';

describe('channel presence', () => {
  const members = [
    { id: 'alice', name: 'Alice Martin', online: false },
    { id: 'carol', name: 'Carol Diaz', online: false },
    { id: 'bob', name: 'Bob Nguyen', online: true },
  ];

  it('lists members online first, counting the connected user as online', () => {
    const presence = channelPresence(fakeChannel('general', { members }), 'alice');
    expect(presence.members.map((member) => [member.id, member.online])).toEqual([
      ['alice', true],
      ['bob', true],
      ['carol', false],
    ]);
    expect(presence.onlineCount).toBe(2);
    expect(presence.memberCount).toBe(3);
  });

  it('says how many members are online, or how many watch a livestream', () => {
    const general = fakeChannel('general', { members });
    expect(presenceLine(general, channelPresence(general, 'alice'))).toBe('3 members, 2 online');
    const pair = fakeChannel('pair', { members: [members[0]], memberCount: 1 });
    expect(presenceLine(pair, channelPresence(pair, 'carol'))).toBe('1 member, 0 online');
    const stream = fakeChannel('town', { type: 'livestream', watcherCount: 4 });
    expect(presenceLine(stream, channelPresence(stream, 'alice'))).toBe(
      'Public livestream, 4 watching',
    );
    const quiet = fakeChannel('town', { type: 'livestream' });
    expect(presenceLine(quiet, channelPresence(quiet, 'alice'))).toBe('Public livestream');
  });

  it('uses the server count when it knows more members than are loaded', () => {
    const big = fakeChannel('big', { members, memberCount: 120 });
    expect(channelPresence(big, 'alice').memberCount).toBe(120);
  });

  it('finds the other person of a one-to-one channel only', () => {
    const pair = fakeChannel('pair', { members: [members[0], members[2]] });
    expect(counterpartOf(channelPresence(pair, 'alice'), 'alice')).toMatchObject({
      id: 'bob',
      online: true,
    });
    const group = fakeChannel('general', { members });
    expect(counterpartOf(channelPresence(group, 'alice'), 'alice')).toBeUndefined();
    expect(counterpartOf(channelPresence(pair, undefined), undefined)).toBeUndefined();
  });
});
