import type { Channel, StreamChat } from 'stream-chat';
import { isStreamChatError } from 'ngx-stream-chat';
import { uniqueId } from '../../../../../jest/chat-peer';
import { useChannelServiceFixture } from '../../../../../jest/channel-service-fixture';
import { createChannel } from '../../../../../jest/peer-channels';
import { poll } from '../../../../stream-chat-emulator/test/poll';

const cids = (channels: Channel[] | undefined) => channels?.map((channel) => channel.cid).join();

/** The cids `client`'s user lists with a fresh query (the server's view of the user's list). */
async function serverListOf(client: StreamChat, userId: string): Promise<string> {
  const channels = await client.queryChannels(
    { members: { $in: [userId] } },
    { created_at: -1 },
    { watch: false, state: true },
  );
  return cids(channels) ?? '';
}

/** How many connections watch the channel, as the server counts them. */
async function watcherCount(channel: Channel): Promise<number | undefined> {
  return (await channel.query({ watchers: { limit: 10 } })).watcher_count;
}

describe('ChannelService list membership against the emulator', () => {
  const fixture = useChannelServiceFixture();

  /** Bob's service listing two channels of alice's with him, the newer one on top and active. */
  async function twoChannels() {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const older = await createChannel(alice, [bob], 'older');
    const newer = await createChannel(alice, [bob], 'newer');
    await fixture.service.init({ members: { $in: [bob] } }, { created_at: -1 });
    expect(cids(fixture.service.channels())).toBe(`${newer.cid},${older.cid}`);
    return { bob, alice, older, newer };
  }

  const listed = (cid: string) => fixture.service.channels()?.find((c) => c.cid === cid);

  it('rejects addChannel() and removeChannel() before init(), typed, and works after it', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const channel = fixture.chat.chatClient!.channel('messaging', 'x');
    for (const call of [
      () => fixture.service.addChannel(channel),
      () => fixture.service.removeChannel(channel.cid),
    ]) {
      let thrown: unknown;
      try {
        call();
      } catch (error) {
        thrown = error;
      }
      expect(isStreamChatError(thrown, 'invalid-input')).toBe(true);
    }
    expect(fixture.service.channels()).toBeUndefined();
    const existing = await createChannel(alice, [bob], 'existing');
    await fixture.service.init({ members: { $in: [bob] } });
    fixture.service.removeChannel(existing.cid);
    expect(fixture.service.channels()).toEqual([]);
  });

  it("adds a watched channel on top once, live; alice's messages reach it", async () => {
    const { alice } = await twoChannels();
    // A public channel bob found, without being a member: nothing adds it but the app.
    const found = alice.channel('livestream', uniqueId('found'));
    await found.watch();
    const bobsCopy = fixture.chat.chatClient!.channel('livestream', found.id);
    await bobsCopy.watch();
    const before = fixture.service.channels()!;

    fixture.service.addChannel(bobsCopy);
    fixture.service.addChannel(bobsCopy);

    expect(fixture.service.channels()).toEqual([bobsCopy, ...before]);
    await found.sendMessage({ text: 'hello, finder' });
    await poll(() => fixture.service.unreadCount(bobsCopy)() === 1, {
      description: 'the added channel to be live',
    });
    await fixture.service.setAsActiveChannel(bobsCopy);
    expect(fixture.service.activeChannelMessages().map((m) => m.text)).toEqual(['hello, finder']);
  });

  it('removes a channel, deselecting it, and stops watching it: it comes back with the next message', async () => {
    const { bob, alice, newer } = await twoChannels();
    expect(fixture.service.activeChannel()?.cid).toBe(newer.cid);
    await poll(async () => (await watcherCount(newer)) === 2, { description: 'bob watching' });

    fixture.service.removeChannel(newer.cid);

    expect(listed(newer.cid)).toBeUndefined();
    expect(fixture.service.activeChannel()).toBeUndefined();
    expect(fixture.service.activeChannelMessages()).toEqual([]);
    await poll(async () => (await watcherCount(newer)) === 1, {
      description: 'the server to count only alice watching',
    });
    // Bob is still a member: alice's next message brings the channel back on top.
    expect(await serverListOf(alice, bob)).toContain(newer.cid);
    await newer.sendMessage({ text: 'come back' });
    await poll(() => fixture.service.channels()?.[0]?.cid === newer.cid, {
      description: 'the channel to come back with the message',
    });
  });

  it('removes a channel but keeps watching it when asked: its messages arrive, it stays off the list', async () => {
    const { older, newer } = await twoChannels();
    const kept = listed(older.cid)!;

    fixture.service.removeChannel(older.cid, false);

    expect(cids(fixture.service.channels())).toBe(newer.cid);
    expect(fixture.service.activeChannel()?.cid).toBe(newer.cid);
    const sent = await older.sendMessage({ text: 'you still watch this' });
    await poll(() => kept.state.latestMessages.some((m) => m.id === sent.message.id), {
      description: "the message to reach bob's client",
    });
    expect(await watcherCount(older)).toBe(2);
    expect(cids(fixture.service.channels())).toBe(newer.cid);
  });

  it('takes a channel bob hides (on another device) off his list, and shows it again on a message; alice is unaffected', async () => {
    const { bob, alice, older, newer } = await twoChannels();
    const otherDevice = await fixture.peerAs(bob);
    const onOtherDevice = otherDevice.channel('messaging', newer.id);
    await onOtherDevice.watch();
    await onOtherDevice.hide();

    await poll(() => cids(fixture.service.channels()) === older.cid, {
      description: 'the hidden channel to leave the list',
    });
    expect(fixture.service.activeChannel()).toBeUndefined();
    expect(await serverListOf(fixture.chat.chatClient!, bob)).toBe(older.cid);
    expect(await serverListOf(alice, alice.userID!)).toBe(`${newer.cid},${older.cid}`);

    await newer.sendMessage({ text: 'wake up' });

    await poll(() => cids(fixture.service.channels()) === `${newer.cid},${older.cid}`, {
      description: 'the channel to be visible again, on top',
    });
    const back = listed(newer.cid)!;
    await fixture.service.setAsActiveChannel(back);
    expect(fixture.service.activeChannelMessages().map((m) => m.text)).toContain('wake up');
  });

  it("leaves bob's list alone when alice hides the channel on her side", async () => {
    const { bob, alice, older, newer } = await twoChannels();
    await newer.hide();
    expect(await serverListOf(alice, alice.userID!)).toBe(older.cid);
    // A message sent after the hide reaches bob after a channel.hidden would have.
    await older.sendMessage({ text: 'after the hide' });
    await poll(() => cids(fixture.service.channels()) === `${older.cid},${newer.cid}`, {
      description: 'the message to raise its channel, the hidden one still listed',
    });
    expect(await serverListOf(fixture.chat.chatClient!, bob)).toBe(`${newer.cid},${older.cid}`);
  });

  it('empties the active channel when alice truncates it, and publishes the list anew', async () => {
    const { newer } = await twoChannels();
    await newer.sendMessage({ text: 'soon gone' });
    await poll(() => fixture.service.activeChannelMessages().length === 1, {
      description: 'the message',
    });
    const before = fixture.service.channels();

    await newer.truncate();

    await poll(() => fixture.service.activeChannelMessages().length === 0, {
      description: 'the truncated messages to go',
    });
    await poll(() => fixture.service.channels() !== before, { description: 'a new list' });
    expect(cids(fixture.service.channels())).toBe(cids(before));
    expect(newer.state.messages).toEqual([]);
    const after = await newer.sendMessage({ text: 'fresh start' });
    await poll(
      () =>
        fixture.service
          .activeChannelMessages()
          .map((m) => m.id)
          .join() === after.message.id,
      { description: 'only the new message' },
    );
  });
});
