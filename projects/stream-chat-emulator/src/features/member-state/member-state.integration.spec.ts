import { StreamChat } from 'stream-chat';
import { RunningEmulator, startEmulator } from '../..';
import { emulatorForSpecFile, customFields, nextEvent } from '../../../test/client-harness';

describe('member partial update: pin, archive, custom member fields', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  it('pins a channel for the caller only; member.updated to watchers; pinned filter and pinned_at sort', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceGeneral] = await alice.queryChannels({ id: 'general' }, {}, { watch: true });
    const [bobGeneral] = await bob.queryChannels({ id: 'general' }, {}, { watch: true });
    const bobSees = nextEvent(bob, 'member.updated');
    const aliceSees = nextEvent(alice, 'member.updated');

    const member = await aliceGeneral.pin();

    expect(member).toMatchObject({ user_id: 'alice', pinned_at: expect.any(String) });
    const event = await bobSees;
    expect(event).toMatchObject({
      cid: 'messaging:general',
      channel_type: 'messaging',
      channel_id: 'general',
      member: { user: { id: 'alice' }, pinned_at: member.pinned_at, archived_at: null },
      user: { id: 'alice' },
    });
    await aliceSees;
    expect(aliceGeneral.state.membership.pinned_at).toBe(member.pinned_at);
    expect(bobGeneral.state.members['alice']?.pinned_at).toBe(member.pinned_at);
    expect(bobGeneral.state.membership.pinned_at).toBeNull();

    const alicePinned = await alice.queryChannels({ members: { $in: ['alice'] }, pinned: true });
    expect(alicePinned.map((channel) => channel.id)).toEqual(['general']);
    expect(alicePinned[0].state.membership.pinned_at).toBe(member.pinned_at);
    const aliceUnpinned = await alice.queryChannels({ members: { $in: ['alice'] }, pinned: false });
    expect(aliceUnpinned.map((channel) => channel.id)).not.toContain('general');
    expect(await bob.queryChannels({ members: { $in: ['bob'] }, pinned: true })).toEqual([]);

    const sorted = await alice.queryChannels({ members: { $in: ['alice'] } }, [
      { pinned_at: -1 },
      { last_message_at: -1 },
    ]);
    expect(sorted.map((channel) => channel.id)).toEqual(['general', 'alice-bob']);
    const byRecency = await alice.queryChannels({ members: { $in: ['alice'] } }, [
      { last_message_at: -1 },
    ]);
    expect(byRecency.map((channel) => channel.id)).toEqual(['alice-bob', 'general']);

    const unpinned = nextEvent(bob, 'member.updated');
    const after = await aliceGeneral.unpin();
    expect(after.pinned_at).toBeNull();
    expect((await unpinned).member?.pinned_at).toBeNull();
    expect(await alice.queryChannels({ members: { $in: ['alice'] }, pinned: true })).toEqual([]);
  });

  it('archives and unarchives a channel; archived filter', async () => {
    const bob = await pool.connected('bob');
    const [design] = await bob.queryChannels({ id: 'design' }, {}, { watch: true });
    const own = nextEvent(bob, 'member.updated');
    const member = await design.archive();
    expect(member.archived_at).toEqual(expect.any(String));
    await own;
    expect(design.state.membership.archived_at).toBe(member.archived_at);
    const archived = await bob.queryChannels({ members: { $in: ['bob'] }, archived: true });
    expect(archived.map((channel) => channel.id)).toEqual(['design']);
    const active = await bob.queryChannels({ members: { $in: ['bob'] }, archived: false });
    expect(active.map((channel) => channel.id).sort()).toEqual(['alice-bob', 'general']);
    expect((await design.unarchive()).archived_at).toBeNull();
    expect(await bob.queryChannels({ members: { $in: ['bob'] }, archived: true })).toEqual([]);
  });

  it('sets and unsets custom member fields with updateMemberPartial (path without user id)', async () => {
    const carol = await pool.connected('carol');
    const alice = await pool.connected('alice');
    const [aliceGeneral] = await alice.queryChannels({ id: 'general' }, {}, { watch: true });
    const [carolGeneral] = await carol.queryChannels({ id: 'general' }, {}, { watch: true });
    const aliceSees = nextEvent(alice, 'member.updated');
    const { channel_member } = await carolGeneral.updateMemberPartial({
      set: customFields({ color: 'teal', pinned: true }),
    });
    expect(channel_member).toMatchObject({
      user_id: 'carol',
      color: 'teal',
      pinned_at: expect.any(String),
    });
    expect((await aliceSees).member).toMatchObject({ user: { id: 'carol' }, color: 'teal' });
    expect(aliceGeneral.state.members['carol']).toMatchObject({ color: 'teal' });
    const state = await carolGeneral.query({});
    expect(state.membership).toMatchObject({ color: 'teal', pinned_at: channel_member.pinned_at });

    const cleared = await carolGeneral.updateMemberPartial({
      unset: customFields(['color', 'pinned']),
    });
    expect(cleared.channel_member).toMatchObject({ pinned_at: null });
    expect(cleared.channel_member).not.toHaveProperty('color');
  });

  it('lets the server update any member (user_id) and refuses what is not allowed, with codes', async () => {
    const alice = await pool.connected('alice');
    const carol = await pool.connected('carol');
    const server = pool.server();
    const serverGeneral = server.channel('messaging', 'general');
    const archivedForBob = await serverGeneral.updateMemberPartial(
      { set: { archived: true } },
      { userId: 'bob' },
    );
    expect(archivedForBob.channel_member).toMatchObject({
      user_id: 'bob',
      archived_at: expect.any(String),
    });
    await serverGeneral.unarchive({ user_id: 'bob' });

    const [general] = await alice.queryChannels({ id: 'general' });
    await expect(
      general.partialUpdateMember('bob', { set: { pinned: true } }),
    ).rejects.toMatchObject({ code: 17, status: 403 });
    // The client then sends `user_id` twice (bob, and its own alice): refused by the auth check.
    await expect(
      general.updateMemberPartial({ set: { pinned: true } }, { userId: 'bob' }),
    ).rejects.toMatchObject({ code: 5, status: 401 });
    await expect(
      general.updateMemberPartial({ set: customFields({ pinned: 'yes' }) }),
    ).rejects.toMatchObject({ code: 4, status: 400 });
    await expect(
      general.updateMemberPartial({ set: customFields({ created_at: 'now' }) }),
    ).rejects.toMatchObject({ code: 4 });
    await expect(general.updateMemberPartial({})).rejects.toMatchObject({ code: 4 });
    await expect(
      general.updateMemberPartial({ set: { channel_role: 'channel_admin' } }),
    ).rejects.toMatchObject({ code: 4 });
    const carolGeneral = carol.channel('messaging', 'general');
    await expect(
      carolGeneral.updateMemberPartial({ set: { channel_role: 'channel_moderator' } }),
    ).rejects.toMatchObject({ code: 17, status: 403 });
    const carolAliceBob = carol.channel('messaging', 'alice-bob');
    await expect(carolAliceBob.pin()).rejects.toMatchObject({ code: 16, status: 404 });
    expect(emulator.store.getChannel('messaging:general')?.members.get('carol')?.channelRole).toBe(
      'channel_member',
    );
    const [again] = await alice.queryChannels({ id: 'general' });
    expect(again.state.members['bob']).toMatchObject({ pinned_at: null, archived_at: null });
  });

  it('sorts and filters by the caller’s unread state: has_unread and unread_count', async () => {
    const bob = await pool.connected('bob');
    const byDefault = await bob.queryChannels({ members: { $in: ['bob'] } });
    expect(byDefault.map((channel) => channel.id)).toEqual(['design', 'alice-bob', 'general']);
    const unreadFirst = await bob.queryChannels({ members: { $in: ['bob'] } }, [
      { has_unread: -1 },
      { last_message_at: -1 },
    ]);
    expect(unreadFirst.map((channel) => channel.id)).toEqual(['alice-bob', 'design', 'general']);
    const mostUnread = await bob.queryChannels({ members: { $in: ['bob'] } }, [
      { unread_count: -1 },
      { last_message_at: 1 },
    ]);
    expect(mostUnread.map((channel) => channel.id)).toEqual(['alice-bob', 'general', 'design']);
    const unread = await bob.queryChannels({ members: { $in: ['bob'] }, has_unread: true });
    expect(unread.map((channel) => channel.id)).toEqual(['alice-bob']);
    const unknownSort = await bob.queryChannels({ members: { $in: ['bob'] } }, [
      { no_such_field: 1 },
    ]);
    expect(unknownSort).toHaveLength(3);
  });

  it('keeps pins, archives and custom member fields across a restart', async () => {
    const carol = await pool.connected('carol');
    const [design] = await carol.queryChannels({ id: 'design' });
    const pinned = await design.pin();
    await design.updateMemberPartial({ set: customFields({ nickname: 'CD', archived: true }) });
    const snapshot = emulator.snapshot();
    expect(snapshot['member_states']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ cid: 'messaging:design', user_id: 'carol' }),
      ]),
    );
    const restarted = await startEmulator({ port: 0, quiet: true, seed: snapshot });
    try {
      const server = new StreamChat(restarted.apiKey, restarted.apiSecret, {
        baseURL: restarted.url,
      });
      const channels = await server.queryChannels(
        { members: { $in: ['carol'] }, pinned: true, archived: true },
        [],
        { user_id: 'carol' },
      );
      expect(channels.map((channel) => channel.id)).toEqual(['design']);
      expect(channels[0].state.membership).toMatchObject({
        pinned_at: pinned.pinned_at,
        archived_at: expect.any(String),
        nickname: 'CD',
      });
    } finally {
      await restarted.close();
    }
  });
});
