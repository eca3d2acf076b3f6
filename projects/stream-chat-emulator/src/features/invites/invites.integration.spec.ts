import { ChannelFilters, StreamChat } from 'stream-chat';
import { RunningEmulator, startEmulator } from '../..';
import { customFields, emulatorForSpecFile, nextEvent } from '../../../test/client-harness';

/** The `invite` filter, which the client's `ChannelFilters` type lacks (Angular casts too). */
function inviteFilter(filter: Record<string, unknown>): ChannelFilters {
  return customFields<ChannelFilters>(filter);
}

describe('channel invitations', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  it('invites a user (pending membership, notification.invited, member.added) and lets them accept', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const carol = await pool.connected('carol');
    const [aliceChannel] = await alice.queryChannels({ id: 'alice-bob' }, {}, { watch: true });
    await bob.queryChannels({ id: 'alice-bob' }, {}, { watch: true });
    const invited = nextEvent(carol, 'notification.invited');
    const added = nextEvent(bob, 'member.added');

    const response = await aliceChannel.inviteMembers(['carol']);

    expect(response.channel.own_capabilities).toEqual(expect.arrayContaining(['send-message']));
    expect(aliceChannel.data?.own_capabilities).toEqual(response.channel.own_capabilities);
    expect(response.members.find((member) => member.user_id === 'carol')).toMatchObject({
      invited: true,
      status: 'pending',
    });
    const notification = await invited;
    expect(notification).toMatchObject({
      cid: 'messaging:alice-bob',
      member: { user: { id: 'carol' }, invited: true, status: 'pending' },
      channel: { cid: 'messaging:alice-bob', own_capabilities: expect.any(Array) },
    });
    expect((await added).member).toMatchObject({ user: { id: 'carol' }, status: 'pending' });

    const pending = await carol.queryChannels(
      inviteFilter({ invite: 'pending', members: { $in: ['carol'] } }),
    );
    expect(pending.map((channel) => channel.id)).toEqual(['alice-bob']);
    expect(pending[0].state.membership).toMatchObject({ invited: true, status: 'pending' });

    await aliceChannel.sendMessage({ text: 'carol should not count this as unread yet' });
    const record = emulator.store.getChannel('messaging:alice-bob');
    expect(record?.members.get('carol')?.read.unreadMessages).toBe(0);
    expect(record?.members.get('bob')?.read.unreadMessages).toBeGreaterThan(0);

    const carolChannel = carol.channel('messaging', 'alice-bob');
    const acceptedNotification = nextEvent(carol, 'notification.invite_accepted');
    const bobSees = nextEvent(bob, 'member.updated');
    const accepted = await carolChannel.acceptInvite();
    expect(accepted.channel.own_capabilities).toEqual(expect.any(Array));
    expect(accepted.members.find((member) => member.user_id === 'carol')).toMatchObject({
      invited: true,
      status: 'accepted',
      invite_accepted_at: expect.any(String),
    });
    expect((await acceptedNotification).member).toMatchObject({ user: { id: 'carol' } });
    expect((await bobSees).member).toMatchObject({ user: { id: 'carol' }, status: 'accepted' });
    expect(
      await carol.queryChannels(inviteFilter({ invite: 'pending', members: { $in: ['carol'] } })),
    ).toEqual([]);
    const acceptedList = await carol.queryChannels(inviteFilter({ invite: 'accepted' }));
    expect(acceptedList.map((channel) => channel.id)).toEqual(['alice-bob']);

    await aliceChannel.sendMessage({ text: 'now it counts' });
    expect(record?.members.get('carol')?.read.unreadMessages).toBe(1);
  });

  it('lets an invitee reject (notification.invite_rejected) and refuses bad invitation requests', async () => {
    const bob = await pool.connected('bob');
    const alice = await pool.connected('alice');
    const channel = bob.channel('messaging', 'invite-reject', { members: ['bob'] });
    await channel.create();
    await channel.inviteMembers([{ user_id: 'alice' }]);
    const aliceChannel = alice.channel('messaging', 'invite-reject');
    const rejectedNotification = nextEvent(alice, 'notification.invite_rejected');
    const rejected = await aliceChannel.rejectInvite();
    expect(rejected.members.find((member) => member.user_id === 'alice')).toMatchObject({
      status: 'rejected',
      invite_rejected_at: expect.any(String),
    });
    expect((await rejectedNotification).member).toMatchObject({ user: { id: 'alice' } });
    await expect(aliceChannel.acceptInvite()).rejects.toMatchObject({ code: 4, status: 400 });
    await expect(channel.acceptInvite()).rejects.toMatchObject({ code: 4, status: 400 });
    await expect(channel.inviteMembers(['nobody-such'])).rejects.toMatchObject({ code: 4 });
    await expect(channel.inviteMembers(['bob'])).rejects.toMatchObject({ code: 4 });
    await expect(
      channel._update({ accept_invite: true, reject_invite: true }),
    ).rejects.toMatchObject({ code: 4 });
    const invitedAgain = nextEvent(alice, 'notification.invited');
    await channel.inviteMembers(['alice']);
    expect((await invitedAgain).member).toMatchObject({ status: 'pending' });
  });

  it('keeps invitations across a restart', async () => {
    const alice = await pool.connected('alice');
    const channel = alice.channel('messaging', 'invite-persist', { members: ['alice'] });
    await channel.create();
    await channel.inviteMembers(['bob']);
    const snapshot = emulator.snapshot();
    const restarted = await startEmulator({ port: 0, quiet: true, seed: snapshot });
    try {
      const server = new StreamChat(restarted.apiKey, restarted.apiSecret, {
        baseURL: restarted.url,
      });
      const pending = await server.queryChannels(
        inviteFilter({ invite: 'pending', members: { $in: ['bob'] } }),
        [],
        { user_id: 'bob' },
      );
      expect(pending.map((item) => item.id)).toContain('invite-persist');
      const found = pending.find((item) => item.id === 'invite-persist');
      expect(found?.state.membership).toMatchObject({ invited: true, status: 'pending' });
    } finally {
      await restarted.close();
    }
  });
});
