import type { Channel, ChannelData, ChannelFilters, StreamChat } from 'stream-chat';
import { StreamChatError } from 'ngx-stream-chat';
import { useChannelServiceFixture } from '../../../../../jest/channel-service-fixture';
import { connectPeer, tokenFor, uniqueId } from '../../../../../jest/chat-peer';
import { integrationEmulator } from '../../../../../jest/emulator-environment';
import { poll } from '../../../../stream-chat-emulator/test/poll';

/** A channel `owner` creates with only themselves as member, named `name`. */
async function ownChannel(owner: StreamChat, name: string): Promise<Channel> {
  const channel = owner.channel('messaging', uniqueId('invite'), {
    name,
    members: [owner.userID as string],
  } as ChannelData);
  await channel.watch();
  return channel;
}

/** A user the server knows (connected once), with a unique id starting with `name`. */
async function existingUser(name: string): Promise<string> {
  const id = uniqueId(name);
  const client = await connectPeer(id, name);
  await client.disconnectUser(0);
  return id;
}

/** The channel's `name`, a custom field the client's types leave out. */
function nameOf(channel: Channel): unknown {
  return (channel.data as Record<string, unknown> | undefined)?.['name'];
}

/** The invitee's membership status in the channel, as the server holds it. */
async function membershipOf(channel: Channel, userId: string) {
  const { members } = await channel.queryMembers({ user_id: userId });
  return members[0]?.status;
}

describe('ChatClientService pending invitations', () => {
  const fixture = useChannelServiceFixture();
  const { apiKey } = integrationEmulator();
  const cids = (channels: Channel[] | undefined) => channels?.map((channel) => channel.cid);

  /** Connects `name` through the service, tracking invitations. */
  async function connectTracking(name: string, id = uniqueId(name)): Promise<string> {
    await fixture.chat.init(apiKey, { id, name }, tokenFor(id), {
      trackPendingChannelInvites: true,
    });
    return id;
  }

  it('lists the invitations made before init(), and none of the channels already joined', async () => {
    const bob = await existingUser('bob');
    const alice = await fixture.peer('alice');
    const first = await ownChannel(alice, 'first');
    const second = await ownChannel(alice, 'second');
    const joined = await ownChannel(alice, 'joined');
    await first.inviteMembers([bob]);
    await second.inviteMembers([bob]);
    await joined.addMembers([bob]);

    await connectTracking('bob', bob);

    expect(cids(fixture.chat.pendingInvites())?.sort()).toEqual([first.cid, second.cid].sort());
    expect(fixture.chat.pendingInvites()[0].getClient()).toBe(fixture.chat.chatClient);
    expect(fixture.chat.pendingInvites().map((channel) => nameOf(channel))).toEqual(
      expect.arrayContaining(['first', 'second']),
    );
  });

  it("shows alice's invitation live; accepting takes it off and ChannelService lists the channel", async () => {
    const bob = await connectTracking('bob');
    const alice = await fixture.peer('alice');
    await fixture.service.init({ members: { $in: [bob] } });
    const emitted: string[][] = [];
    fixture.chat.pendingInvites$.subscribe((invites) => emitted.push(invites.map((c) => c.cid)));
    expect(fixture.chat.pendingInvites()).toEqual([]);

    const channel = await ownChannel(alice, 'team room');
    await channel.inviteMembers([bob]);
    await poll(() => fixture.chat.pendingInvites().length === 1, {
      description: "bob's pending invitation",
    });
    const [invite] = fixture.chat.pendingInvites();
    expect(invite.cid).toBe(channel.cid);
    expect(nameOf(invite)).toBe('team room');
    expect(cids(fixture.service.channels())).toEqual([]);

    await fixture.chat.acceptInvite(invite);

    expect(fixture.chat.pendingInvites()).toEqual([]);
    expect(emitted).toEqual([[], [channel.cid], []]);
    expect(await membershipOf(channel, bob)).toBe('accepted');
    await poll(() => cids(fixture.service.channels())?.includes(channel.cid), {
      description: 'the accepted channel in the channel list',
    });
    expect(fixture.chat.pendingInvites()).toEqual([]);
  });

  it('rejecting takes the invitation off, and the channel off the list that showed it', async () => {
    const bob = await connectTracking('bob');
    const alice = await fixture.peer('alice');
    const kept = await ownChannel(alice, 'kept');
    await kept.addMembers([bob]);
    const declined = await ownChannel(alice, 'declined');
    const other = await ownChannel(alice, 'other');
    await declined.inviteMembers([bob]);
    await other.inviteMembers([bob]);
    await poll(() => fixture.chat.pendingInvites().length === 2, {
      description: 'two pending invitations',
    });
    // Invited users are members, so a members filter lists the channels they are invited to.
    await fixture.service.init({ members: { $in: [bob] } }, undefined, {
      activateFirstChannel: false,
    });
    expect(cids(fixture.service.channels())?.sort()).toEqual(
      [kept.cid, declined.cid, other.cid].sort(),
    );

    const invite = fixture.chat.pendingInvites().find((c) => c.cid === declined.cid) as Channel;
    await fixture.chat.rejectInvite(invite);

    expect(cids(fixture.chat.pendingInvites())).toEqual([other.cid]);
    expect(await membershipOf(declined, bob)).toBe('rejected');
    await poll(() => !cids(fixture.service.channels())?.includes(declined.cid), {
      description: 'the rejected channel to leave the list',
    });
    expect(cids(fixture.service.channels())?.sort()).toEqual([kept.cid, other.cid].sort());
  });

  it('follows answers given on the channel itself, as the vendor UI does, and removals', async () => {
    const bob = await connectTracking('bob');
    const alice = await fixture.peer('alice');
    const accepted = await ownChannel(alice, 'accepted directly');
    const removed = await ownChannel(alice, 'removed by alice');
    await accepted.inviteMembers([bob]);
    await removed.inviteMembers([bob]);
    await poll(() => fixture.chat.pendingInvites().length === 2, {
      description: 'two pending invitations',
    });

    const invite = fixture.chat.pendingInvites().find((c) => c.cid === accepted.cid) as Channel;
    await invite.acceptInvite();
    await poll(() => cids(fixture.chat.pendingInvites())?.join() === removed.cid, {
      description: 'the accepted invitation to leave the list',
    });

    await removed.removeMembers([bob]);
    await poll(() => fixture.chat.pendingInvites().length === 0, {
      description: 'the invitation of a channel bob was removed from to leave the list',
    });
  });

  it('loads the list again after a reconnect: invitations made and withdrawn while offline show', async () => {
    const bob = await connectTracking('bob');
    const alice = await fixture.peer('alice');
    const withdrawn = await ownChannel(alice, 'withdrawn');
    await withdrawn.inviteMembers([bob]);
    await poll(() => fixture.chat.pendingInvites().length === 1, {
      description: 'the first invitation',
    });
    const client = fixture.chat.chatClient!;
    const recovered = new Promise<void>((resolve) => {
      const { unsubscribe } = client.on('connection.recovered', () => {
        unsubscribe();
        resolve();
      });
    });

    // The socket closes for good and the browser reports being offline, so nothing arrives...
    await fixture.admin.dropSockets({ userId: bob, code: 1000 });
    window.dispatchEvent(new Event('offline'));
    await poll(async () => (await fixture.admin.connectionCount(bob)) === 0, {
      description: 'bob away',
    });
    const made = await ownChannel(alice, 'made while offline');
    await made.inviteMembers([bob]);
    await withdrawn.removeMembers([bob]);
    expect(cids(fixture.chat.pendingInvites())).toEqual([withdrawn.cid]);
    // ...until it is back online, and the client reconnects.
    window.dispatchEvent(new Event('online'));
    await recovered;

    await poll(() => cids(fixture.chat.pendingInvites())?.join() === made.cid, {
      description: () => `the list after the reconnect, ${cids(fixture.chat.pendingInvites())}`,
    });
  });

  it('tracks nothing unless asked', async () => {
    const bob = await existingUser('bob');
    const alice = await fixture.peer('alice');
    const early = await ownChannel(alice, 'early');
    await early.inviteMembers([bob]);
    await fixture.chat.init(apiKey, bob, tokenFor(bob));
    const late = await ownChannel(alice, 'late');
    const arrived = new Promise((resolve) =>
      fixture.chat.chatClient?.on('notification.invited', resolve),
    );
    await late.inviteMembers([bob]);
    await arrived;

    expect(fixture.chat.pendingInvites()).toEqual([]);
  });

  it('empties the list when the user disconnects or another user connects', async () => {
    const bob = await existingUser('bob');
    const alice = await fixture.peer('alice');
    const channel = await ownChannel(alice, 'pending');
    await channel.inviteMembers([bob]);
    await connectTracking('bob', bob);
    expect(fixture.chat.pendingInvites()).toHaveLength(1);

    await fixture.chat.disconnectUser();
    expect(fixture.chat.pendingInvites()).toEqual([]);

    await connectTracking('bob', bob);
    expect(fixture.chat.pendingInvites()).toHaveLength(1);
    await connectTracking('carol');
    expect(fixture.chat.pendingInvites()).toEqual([]);
    await channel.inviteMembers([fixture.chat.user()?.id as string]);
    await poll(() => fixture.chat.pendingInvites().length === 1, {
      description: "carol's invitation",
    });
  });

  it('rejects init() with a typed error and leaves nobody connected when the invitations fail to load; the next init() works', async () => {
    const bob = await existingUser('bob');
    const alice = await fixture.peer('alice');
    const channel = await ownChannel(alice, 'pending');
    await channel.inviteMembers([bob]);
    await fixture.admin.failNextRequests(1, 500);

    const failed = connectTracking('bob', bob);

    await expect(failed).rejects.toBeInstanceOf(StreamChatError);
    await expect(failed).rejects.toMatchObject({ status: 500 });
    expect(fixture.chat.user()).toBeUndefined();
    expect(fixture.chat.connectionState()).toBe('disconnected');
    expect(fixture.chat.pendingInvites()).toEqual([]);
    await poll(async () => (await fixture.admin.connectionCount(bob)) === 0, {
      description: "bob's socket to close",
    });

    await connectTracking('bob', bob);
    expect(cids(fixture.chat.pendingInvites())).toEqual([channel.cid]);
  });

  it('refuses to answer without a connected user, for a channel of another client, and without an invitation; the next answer works', async () => {
    const bob = await existingUser('bob');
    const alice = await fixture.peer('alice');
    const channel = await ownChannel(alice, 'pending');
    await channel.inviteMembers([bob]);
    await expect(fixture.chat.acceptInvite(channel)).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining('needs a connected user'),
    });

    await connectTracking('bob', bob);
    const [invite] = fixture.chat.pendingInvites();
    const elsewhere = await connectPeer(uniqueId('bob-elsewhere'));
    try {
      const foreign = elsewhere.channel(invite.type, invite.id);
      await expect(fixture.chat.rejectInvite(foreign)).rejects.toMatchObject({
        name: 'StreamChatError',
        kind: 'invalid-input',
        message: expect.stringContaining("a channel of the connected user's client"),
      });
    } finally {
      await elsewhere.disconnectUser(0);
    }
    const notInvited = await ownChannel(alice, 'not invited');
    await notInvited.addMembers([bob]);
    const joined = fixture.chat.chatClient?.channel('messaging', notInvited.id) as Channel;
    const refused = fixture.chat.acceptInvite(joined);
    await expect(refused).rejects.toBeInstanceOf(StreamChatError);
    await expect(refused).rejects.toMatchObject({ kind: 'invalid-input', code: 4 });
    expect(cids(fixture.chat.pendingInvites())).toEqual([channel.cid]);

    await fixture.chat.acceptInvite(invite);
    expect(fixture.chat.pendingInvites()).toEqual([]);
    const filters = { invite: 'accepted' } as ChannelFilters;
    const accepted = await fixture.chat.chatClient?.queryChannels(filters);
    expect(cids(accepted)).toContain(channel.cid);
  });
});
