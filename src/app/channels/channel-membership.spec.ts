import type { Channel } from 'stream-chat';
import { groupChannels, isMuted, isUnacceptedInvite } from './channel-membership';

function channel(cid: string, membership: Record<string, unknown> = {}, muted = false): Channel {
  return {
    cid,
    state: { membership },
    muteStatus: () => ({ muted, createdAt: null, expiresAt: null }),
  } as unknown as Channel;
}

describe('channel membership', () => {
  it('groups pinned, other and archived channels, keeping their order', () => {
    const a = channel('a');
    const pinned = channel('p', { pinned_at: '2024-05-01T10:00:00Z' });
    const archived = channel('x', { archived_at: '2024-05-01T10:00:00Z', pinned_at: 'x' });
    const b = channel('b');
    const groups = groupChannels([a, pinned, archived, b]);
    expect(groups.pinned.map((c) => c.cid)).toEqual(['p']);
    expect(groups.others.map((c) => c.cid)).toEqual(['a', 'b']);
    expect(groups.archived.map((c) => c.cid)).toEqual(['x']);
  });

  it('leaves out invitations the user has not accepted', () => {
    const pending = channel('i', { invited: true, status: 'pending' });
    const accepted = channel('j', { invited: true, invite_accepted_at: '2024-05-01T10:00:00Z' });
    expect(isUnacceptedInvite(pending)).toBe(true);
    expect(groupChannels([pending, accepted]).others.map((c) => c.cid)).toEqual(['j']);
  });

  it("reads the client's mute state, and is not muted when the client is gone", () => {
    expect(isMuted(channel('m', {}, true))).toBe(true);
    const gone = {
      muteStatus: () => {
        throw new Error('no client');
      },
    } as unknown as Channel;
    expect(isMuted(gone)).toBe(false);
  });
});
