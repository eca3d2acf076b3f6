import { StreamChatError, isStreamChatError } from 'ngx-stream-chat';
import { uniqueId } from '../../../../../jest/chat-peer';
import { useChannelServiceFixture } from '../../../../../jest/channel-service-fixture';
import { createChannel } from '../../../../../jest/peer-channels';

// `autocompleteMembers()` (member-autocomplete.ts) is specified here, beside the core slices, so
// it runs in both the zoneless and the zone.js projects.
describe('ChannelService member autocomplete against the emulator', () => {
  const fixture = useChannelServiceFixture();

  /** Bob's service on a channel of alice's with bob and carol. */
  async function channelOfThree(memberLimit?: number) {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peerAs(uniqueId('alice'), 'Alice Smith');
    const carol = await fixture.peerAs(uniqueId('carol'), 'Carol Jones');
    const channel = await createChannel(alice, [bob, carol.userID!], 'members');
    await fixture.service.init(
      { members: { $in: [bob] } },
      undefined,
      memberLimit === undefined ? {} : { member_limit: memberLimit },
    );
    return { bob, alice, carol, channel };
  }

  const idsOf = (members: { user_id?: string; user?: { id: string } }[]) =>
    members.map((member) => member.user?.id ?? member.user_id).sort();

  it('searches the members the client holds, by name or id, case-insensitively', async () => {
    const { bob, alice, carol } = await channelOfThree();
    expect(Object.keys(fixture.service.activeChannel()!.state.members)).toHaveLength(3);

    expect(idsOf(await fixture.service.autocompleteMembers('JON'))).toEqual([carol.userID]);
    expect(idsOf(await fixture.service.autocompleteMembers(' smith '))).toEqual([alice.userID]);
    // Never the user: nobody mentions themselves.
    expect(await fixture.service.autocompleteMembers(bob)).toEqual([]);
    expect(await fixture.service.autocompleteMembers('nobody')).toEqual([]);
    expect(idsOf(await fixture.service.autocompleteMembers(''))).toEqual(
      [alice.userID, carol.userID].sort(),
    );
  });

  it('asks the server when the client holds only some members', async () => {
    const { alice, carol } = await channelOfThree(1);
    const channel = fixture.service.activeChannel()!;
    expect(Object.keys(channel.state.members).length).toBeLessThan(3);

    expect(idsOf(await fixture.service.autocompleteMembers('car'))).toEqual([carol.userID]);
    expect(idsOf(await fixture.service.autocompleteMembers(''))).toEqual(
      [alice.userID, carol.userID].sort(),
    );
  });

  it('resolves [] without an active channel; a server failure rejects typed and the next call works', async () => {
    expect(await fixture.service.autocompleteMembers('a')).toEqual([]);
    const { carol } = await channelOfThree(1);
    await fixture.admin.failNextRequests(1, 500);

    const error: unknown = await fixture.service
      .autocompleteMembers('car')
      .catch((e: unknown) => e);

    expect(isStreamChatError(error)).toBe(true);
    expect((error as StreamChatError).status).toBe(500);
    expect(idsOf(await fixture.service.autocompleteMembers('car'))).toEqual([carol.userID]);
    fixture.service.deselectActiveChannel();
    expect(await fixture.service.autocompleteMembers(uniqueId('x'))).toEqual([]);
  });
});
