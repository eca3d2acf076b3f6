import type { Subscription } from 'rxjs';
import type { Channel } from 'stream-chat';
import { StreamChatError, isStreamChatError } from 'ngx-stream-chat';
import { useChannelServiceFixture } from '../../../../../jest/channel-service-fixture';
import { createChannel, sendMessages, serverMessageIds } from '../../../../../jest/peer-channels';
import { poll } from '../../../../stream-chat-emulator/test/poll';
import { MARK_READ_INTERVAL_MS } from '../mark-read-throttle';

/** The rejection of `work`, which must reject with a `StreamChatError`. */
async function rejectionOf(work: Promise<unknown>): Promise<StreamChatError> {
  const error = await work.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isStreamChatError(error))
    throw new Error(`expected a StreamChatError, got ${String(error)}`);
  return error;
}

/** `userId`'s read state of the channel as the server keeps it, asked by another member. */
async function serverReadOf(channel: Channel, userId: string) {
  const state = await channel.query({ messages: { limit: 1 } });
  const read = state.read?.find((entry) => entry.user.id === userId);
  return { unread: read?.unread_messages, lastRead: read?.last_read_message_id };
}

/** Waits longer than the mark-read throttle, so a mark-read it would send has been sent. */
const afterMarkReadInterval = () =>
  new Promise((resolve) => setTimeout(resolve, MARK_READ_INTERVAL_MS * 2));

describe('ChannelService read state, mark unread and channel switching against the emulator', () => {
  const fixture = useChannelServiceFixture();
  let subscription: Subscription | undefined;
  afterEach(() => subscription?.unsubscribe());

  /** Bob's service on a channel with five messages of alice's, which bob has not read. */
  async function unreadChannel() {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const channel = await createChannel(alice, [bob], 'unread');
    await sendMessages(channel, 5);
    const ids = await serverMessageIds(channel);
    return { bob, alice, channel, ids };
  }

  it('opens with the read state before marking read, marks unread from a message, and both sides agree', async () => {
    const { bob, channel, ids } = await unreadChannel();
    await fixture.service.init({ members: { $in: [bob] } });
    // Taken when the channel opened, before it was marked read.
    expect(fixture.service.activeChannelUnreadCount()).toBe(5);
    await poll(async () => (await serverReadOf(channel, bob)).unread === 0, {
      description: 'the server to hold the channel read by bob',
    });
    const active = fixture.service.activeChannel()!;

    await fixture.service.markMessageUnread(ids[2]);

    await poll(() => fixture.service.activeChannelUnreadCount() === 3, {
      description: 'the unread count from the marked message on',
    });
    expect(fixture.service.activeChannelLastReadMessageId()).toBe(ids[1]);
    expect(await serverReadOf(channel, bob)).toEqual({ unread: 3, lastRead: ids[1] });
    await poll(() => fixture.service.unreadCount(active)() === 3, { description: 'the badge' });

    // Alice writes again: the channel stays unread while bob keeps it open.
    await channel.sendMessage({ text: 'still there?' });
    await poll(() => fixture.service.unreadCount(active)() === 4, { description: 'the new count' });
    await afterMarkReadInterval();
    expect((await serverReadOf(channel, bob)).unread).toBe(4);

    // Bob answers: marking read resumes with the next message of alice's.
    await fixture.service.sendMessage('yes');
    await channel.sendMessage({ text: 'good' });
    await poll(async () => (await serverReadOf(channel, bob)).unread === 0, {
      description: 'the channel to be marked read again',
    });
  });

  it('rejects typed without the list, an active channel, the message or the capability, and changes nothing', async () => {
    expect((await rejectionOf(fixture.service.markMessageUnread('m'))).kind).toBe('invalid-input');
    const { bob, alice, channel, ids } = await unreadChannel();
    const gaming = alice.channel('gaming', `no-reads-${Date.now().toString(36)}`, {
      members: [alice.userID!, bob],
    });
    await gaming.watch();
    const gamingIds = (await sendMessages(gaming, 2)).sort();
    await fixture.service.init({ members: { $in: [bob] } }, { created_at: 1 });
    await poll(async () => (await serverReadOf(channel, bob)).unread === 0, {
      description: 'the channel to be read',
    });

    const unknown = await rejectionOf(fixture.service.markMessageUnread('no-such-message'));
    expect(unknown.kind).toBe('invalid-input');
    expect(unknown.message).toContain('no-such-message');

    const listedGaming = fixture.service.channels()!.find((listed) => listed.cid === gaming.cid)!;
    await fixture.service.setAsActiveChannel(listedGaming);
    const shownGaming = fixture.service.activeChannelMessages().map((message) => message.id);
    expect(shownGaming.sort()).toEqual(gamingIds);
    const missing = await rejectionOf(fixture.service.markMessageUnread(shownGaming[0]));
    expect(missing.kind).toBe('not-allowed');
    expect(missing.message).toContain('read-events');

    fixture.service.deselectActiveChannel();
    const none = await rejectionOf(fixture.service.markMessageUnread(ids[0]));
    expect(none.kind).toBe('invalid-input');
    expect(none.message).toContain('needs an active channel');

    // Nothing was sent for any of them; the next call works.
    expect(await serverReadOf(channel, bob)).toEqual({ unread: 0, lastRead: ids[4] });
    await fixture.service.setAsActiveChannel(
      fixture.service.channels()!.find((listed) => listed.cid === channel.cid)!,
    );
    await fixture.service.markMessageUnread(ids[3]);
    await poll(() => fixture.service.activeChannelUnreadCount() === 2, {
      description: 'the unread count',
    });
    expect(await serverReadOf(channel, bob)).toEqual({ unread: 2, lastRead: ids[2] });
  });

  it('rejects typed when the server refuses, and keeps marking read afterwards', async () => {
    const { bob, channel, ids } = await unreadChannel();
    await fixture.service.init({ members: { $in: [bob] } });
    await poll(async () => (await serverReadOf(channel, bob)).unread === 0, {
      description: 'the channel to be read',
    });
    await fixture.admin.failNextRequests(1, 500);

    const error = await rejectionOf(fixture.service.markMessageUnread(ids[2]));

    expect(error.status).toBe(500);
    expect(await serverReadOf(channel, bob)).toEqual({ unread: 0, lastRead: ids[4] });
    await channel.sendMessage({ text: 'read me' });
    await poll(
      async () => {
        const read = await serverReadOf(channel, bob);
        return read.unread === 0 && read.lastRead !== ids[4];
      },
      { description: 'the next message to be marked read' },
    );
  });

  it("reports 'start' while switching to an unloaded channel and 'end' once its messages are shown", async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const older = await createChannel(alice, [bob], 'older');
    await sendMessages(older, 3, 'older');
    const newer = await createChannel(alice, [bob], 'newer');
    await sendMessages(newer, 2, 'newer');
    // One channel a page: the older channel is not loaded.
    await fixture.service.init({ members: { $in: [bob] } }, { created_at: -1 }, { limit: 1 });
    expect(fixture.service.channelSwitchState()).toBe('end');
    const seen: { state: string; cid?: string; messagesOf: string[] }[] = [];
    subscription = fixture.service.channelSwitchState$.subscribe((state) =>
      seen.push({
        state,
        cid: fixture.service.activeChannel()?.cid,
        messagesOf: [...new Set(fixture.service.activeChannelMessages().map((m) => m.cid!))],
      }),
    );
    const unloaded = fixture.chat.chatClient!.channel('messaging', older.id);
    expect(unloaded.initialized).toBe(false);

    await fixture.service.setAsActiveChannel(unloaded);

    expect(seen.map((entry) => entry.state)).toEqual(['end', 'start', 'end']);
    expect(seen[2]).toEqual({ state: 'end', cid: older.cid, messagesOf: [older.cid] });
    expect(fixture.service.activeChannelMessages()).toHaveLength(3);
    expect(fixture.chat.chatClient?.activeChannels[older.cid]).toBe(unloaded);

    // A channel that cannot be watched ends the switch too, and the next attempt works.
    fixture.service.reset();
    await fixture.service.init({ members: { $in: [bob] } }, { created_at: 1 }, { limit: 1 });
    // A public channel bob is no member of: nothing tells bob's client about it.
    const fresh = alice.channel('livestream', `fresh-${Date.now().toString(36)}`);
    await fresh.watch();
    await sendMessages(fresh, 2, 'fresh');
    const failing = fixture.chat.chatClient!.channel('livestream', fresh.id);
    await fixture.admin.failNextRequests(1, 500);
    const error = await rejectionOf(fixture.service.setAsActiveChannel(failing));
    expect(error.status).toBe(500);
    expect(fixture.service.channelSwitchState()).toBe('end');
    await fixture.service.setAsActiveChannel(failing);
    expect(fixture.service.channelSwitchState()).toBe('end');
    expect(fixture.service.activeChannel()?.cid).toBe(fresh.cid);
    expect(fixture.service.activeChannelMessages()).toHaveLength(2);
  });
});
