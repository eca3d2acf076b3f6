import type { Channel, StreamChat } from 'stream-chat';
import { tokenFor, uniqueId } from '../../../../jest/chat-peer';
import { useChannelServiceFixture } from '../../../../jest/channel-service-fixture';
import { integrationEmulator } from '../../../../jest/emulator-environment';
import { createChannel, sendMessages, serverMessageIds } from '../../../../jest/peer-channels';
import { poll } from '../../../stream-chat-emulator/test/poll';

const cids = (channels: Channel[] | undefined) => channels?.map((channel) => channel.cid);

describe('ChannelService live updates against the emulator', () => {
  const fixture = useChannelServiceFixture();

  it('adds a channel another user creates with us, and removes it when we are removed', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const existing = await createChannel(alice, [bob], 'existing');
    await fixture.service.init({ members: { $in: [bob] } });
    expect(cids(fixture.service.channels())).toEqual([existing.cid]);

    const created = await createChannel(alice, [bob], 'new');
    await poll(
      () => cids(fixture.service.channels())?.join() === [created.cid, existing.cid].join(),
      { description: 'the new channel to join the list on top' },
    );
    const listed = fixture.service.channels()![0];
    await created.sendMessage({ text: 'welcome' });
    await poll(() => fixture.service.unreadCount(listed)() === 1, {
      description: 'the new channel to be live',
    });

    await fixture.service.setAsActiveChannel(listed);
    await created.removeMembers([bob]);
    await poll(() => cids(fixture.service.channels())?.join() === existing.cid, {
      description: 'the channel to leave the list',
    });
    expect(fixture.service.activeChannel()).toBeUndefined();
    expect(fixture.service.activeChannelMessages()).toEqual([]);
  });

  it('removes a deleted channel and deselects it if it was active', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const doomed = await createChannel(alice, [bob], 'doomed');
    await doomed.sendMessage({ text: 'newest activity' });
    const kept = await createChannel(alice, [bob], 'kept');
    await fixture.service.init({ members: { $in: [bob] } }, { created_at: -1 });
    await fixture.service.setAsActiveChannel(fixture.service.channels()![1]);
    expect(fixture.service.activeChannel()?.cid).toBe(doomed.cid);

    await doomed.delete();

    await poll(() => cids(fixture.service.channels())?.join() === kept.cid, {
      description: 'the deleted channel to leave the list',
    });
    expect(fixture.service.activeChannel()).toBeUndefined();
  });

  it('adds and watches a channel when a message arrives in one it does not list', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const older = await createChannel(alice, [bob], 'older');
    const newer = await createChannel(alice, [bob], 'newer');
    // One channel per page: the older one is not listed, so bob does not watch it.
    await fixture.service.init({ members: { $in: [bob] } }, { created_at: -1 }, { limit: 1 });
    expect(cids(fixture.service.channels())).toEqual([newer.cid]);

    await older.sendMessage({ text: 'remember me?' });

    await poll(() => cids(fixture.service.channels())?.join() === [older.cid, newer.cid].join(), {
      description: 'the channel with the message to join the list',
    });
    const joined = fixture.service.channels()![0];
    await poll(() => fixture.service.unreadCount(joined)() === 1, {
      description: 'its unread count',
    });
    await older.sendMessage({ text: 'now you watch' });
    await poll(() => fixture.service.unreadCount(joined)() === 2, {
      description: 'it to be watched',
    });
  });

  it('shows only the new user after a switch with reset, and resets itself on disconnect', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const carol = uniqueId('carol');
    await fixture.chat.init(integrationEmulator().apiKey, carol, tokenFor(carol));
    await fixture.chat.disconnectUser();
    await fixture.chat.init(integrationEmulator().apiKey, bob, tokenFor(bob));
    const bobs = await createChannel(alice, [bob], 'bobs');
    const carols = await createChannel(alice, [carol], 'carols');
    await fixture.service.init({ members: { $in: [bob] } });
    expect(cids(fixture.service.channels())).toEqual([bobs.cid]);
    const bobClient = fixture.chat.chatClient!;

    // The switch as the vendor's docs show it.
    fixture.service.reset();
    await fixture.chat.disconnectUser();
    await fixture.chat.init(integrationEmulator().apiKey, carol, tokenFor(carol));
    expect(fixture.service.channels()).toBeUndefined();
    await fixture.service.init({ members: { $in: [carol] } });

    expect(cids(fixture.service.channels())).toEqual([carols.cid]);
    expect(fixture.service.activeChannel()?.cid).toBe(carols.cid);
    await bobs.sendMessage({ text: 'for bob only' });
    await carols.sendMessage({ text: 'for carol' });
    await poll(() => fixture.service.activeChannelMessages().some((m) => m.text === 'for carol'), {
      description: "carol's message",
    });
    expect(cids(fixture.service.channels())).toEqual([carols.cid]);
    expect(Object.values(bobClient.listeners).flat()).toHaveLength(0);

    // Disconnecting without reset() clears the channels too.
    await fixture.chat.disconnectUser();
    expect(fixture.service.channels()).toBeUndefined();
    expect(fixture.service.activeChannel()).toBeUndefined();
    expect(fixture.service.activeChannelMessages()).toEqual([]);
  });

  it('catches up after the server drops the socket (1012): nothing lost, nothing duplicated', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const quiet = await createChannel(alice, [bob], 'quiet');
    const busy = await createChannel(alice, [bob], 'busy');
    await busy.sendMessage({ text: 'before the drop' });
    await fixture.service.init({ members: { $in: [bob] } });
    expect(cids(fixture.service.channels())).toEqual([busy.cid, quiet.cid]);
    const recovered = nextEvent(fixture.chat.chatClient!, 'connection.recovered');

    expect(await fixture.admin.dropSockets({ userId: bob, code: 1012 })).toBe(1);
    // The client waits at least 250 ms before reconnecting: these two are certainly missed.
    await quiet.sendMessage({ text: 'while bob is away' });
    const created = await createChannel(alice, [bob], 'created-meanwhile');
    expect(await fixture.admin.connectionCount(bob)).toBe(0);
    // These may be missed or arrive live, depending on how soon the client is back.
    await sendMessages(busy, 10, 'around the drop');
    await recovered;

    await expectCaughtUp(busy, 11);
    await poll(
      () => cids(fixture.service.channels())?.join() === [busy.cid, created.cid, quiet.cid].join(),
      { description: 'the channel created meanwhile to be listed' },
    );
    const quietListed = fixture.service.channels()![2];
    await poll(() => fixture.service.unreadCount(quietListed)() === 1, {
      description: 'the missed unread',
    });
    expect(fixture.chat.connectionState()).toBe('online');

    await created.sendMessage({ text: 'live again' });
    await poll(() => cids(fixture.service.channels())?.[0] === created.cid, {
      description: 'the new channel to be live',
    });
  });

  it('catches up on more than a page of missed messages after going offline', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const busy = await createChannel(alice, [bob], 'busy');
    await sendMessages(busy, 30, 'before');
    await fixture.service.init({ members: { $in: [bob] } });
    await fixture.service.loadMoreMessages();
    expect(fixture.service.activeChannelMessages()).toHaveLength(30);
    const recovered = nextEvent(fixture.chat.chatClient!, 'connection.recovered');

    // The socket closes for good (1000) and the browser reports being offline...
    await fixture.admin.dropSockets({ userId: bob, code: 1000 });
    window.dispatchEvent(new Event('offline'));
    await poll(async () => (await fixture.admin.connectionCount(bob)) === 0, {
      description: 'bob away',
    });
    const missed = await sendMessages(busy, 60, 'missed');
    // ...until it is back online, and the client reconnects.
    window.dispatchEvent(new Event('online'));
    await recovered;

    await expectCaughtUp(busy, 90);
    expect(fixture.service.activeChannelMessages().map((m) => m.id)).toEqual(
      expect.arrayContaining(missed),
    );
  });

  /** The next event of this type on the client. */
  function nextEvent(client: StreamChat, type: string): Promise<void> {
    return new Promise((resolve) => {
      const { unsubscribe } = client.on(type, () => {
        unsubscribe();
        resolve();
      });
    });
  }

  /** Waits until the active channel lists exactly the server's `count` messages, in its order. */
  async function expectCaughtUp(channel: Channel, count: number): Promise<void> {
    const stored = await serverMessageIds(channel);
    expect(stored).toHaveLength(count);
    const ids = () => fixture.service.activeChannelMessages().map((message) => message.id);
    await poll(() => ids().length >= stored.length, {
      description: `all ${count} messages`,
      timeoutMs: 15_000,
    });
    expect(ids()).toEqual(stored);
  }
});
