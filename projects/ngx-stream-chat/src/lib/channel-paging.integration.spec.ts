import { useChannelServiceFixture } from '../../../../jest/channel-service-fixture';
import {
  createChannel,
  createChannels,
  sendMessages,
  serverMessageIds,
} from '../../../../jest/peer-channels';

describe('ChannelService paging against the emulator', () => {
  const fixture = useChannelServiceFixture();

  it('pages through 60 channels 25 at a time, newest first, without duplicates', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const created = await createChannels(alice, 60, [bob], 'page');
    // Newest activity first: the channel created last (none has messages) comes first.
    const expected = created
      .map((channel) => ({ cid: channel.cid, at: new Date(channel.data?.created_at as string) }))
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map((channel) => channel.cid);

    const firstPage = await fixture.service.init({ members: { $in: [bob] } }, undefined, {
      limit: 25,
      activateFirstChannel: false,
    });
    expect(firstPage).toHaveLength(25);
    expect(fixture.service.hasMoreChannels()).toBe(true);

    await fixture.service.loadMoreChannels();
    expect(fixture.service.channels()).toHaveLength(50);
    expect(fixture.service.hasMoreChannels()).toBe(true);

    await fixture.service.loadMoreChannels();
    const all = fixture.service.channels()!.map((channel) => channel.cid);
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
    expect(all).toEqual(expected);
    expect(fixture.service.hasMoreChannels()).toBe(false);

    await fixture.service.loadMoreChannels();
    expect(fixture.service.channels()).toHaveLength(60);
  });

  it('pages through 200 messages, oldest first, without gaps or duplicates', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const channel = await createChannel(alice, [bob], 'long');
    await sendMessages(channel, 200);
    const stored = await serverMessageIds(channel);
    expect(stored).toHaveLength(200);

    await fixture.service.init({ members: { $in: [bob] } });
    const ids = () => fixture.service.activeChannelMessages().map((message) => message.id);
    expect(ids()).toEqual(stored.slice(-25));
    expect(fixture.service.hasMoreMessages()).toBe(true);

    // 7 more full pages; an 8th, empty one tells that there is nothing older.
    let requests = 0;
    while (fixture.service.hasMoreMessages()) {
      const before = ids().length;
      // Concurrent calls share one request.
      await Promise.all([fixture.service.loadMoreMessages(), fixture.service.loadMoreMessages()]);
      requests++;
      expect(ids().length === before).toBe(!fixture.service.hasMoreMessages());
      expect(ids()).toEqual(stored.slice(-ids().length));
    }

    expect(requests).toBe(8);
    expect(ids()).toEqual(stored);
    await fixture.service.loadMoreMessages();
    expect(ids()).toEqual(stored);
  });
});
