import type { Subscription } from 'rxjs';
import {
  MessageJumpTarget,
  StreamChatError,
  isStreamChatError,
  withThreads,
} from 'ngx-stream-chat';
import { useChannelServiceFixture } from '../../../../../jest/channel-service-fixture';
import { createChannel, sendMessages, serverMessageIds } from '../../../../../jest/peer-channels';
import { poll } from '../../../../stream-chat-emulator/test/poll';

/** The rejection of `work`, which must reject. */
async function rejectionOf(work: Promise<unknown>): Promise<StreamChatError> {
  const error = await work.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isStreamChatError(error))
    throw new Error(`expected a StreamChatError, got ${String(error)}`);
  return error;
}

describe('ChannelService jump to message against the emulator', () => {
  const fixture = useChannelServiceFixture([withThreads()]);
  let subscription: Subscription | undefined;
  afterEach(() => subscription?.unsubscribe());

  const shownIds = () => fixture.service.activeChannelMessages().map((message) => message.id);

  /** Bob's service on a channel where alice sent `count` messages, 10 messages a page. */
  async function channelWithHistory(count: number) {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const channel = await createChannel(alice, [bob], 'jump');
    await sendMessages(channel, count);
    const stored = await serverMessageIds(channel);
    await fixture.service.init({ members: { $in: [bob] } }, undefined, { message_limit: 10 });
    return { bob, alice, channel, stored };
  }

  it('loads a window around an old message, pages newer to the latest, and clears the target', async () => {
    const { channel, stored } = await channelWithHistory(30);
    expect(shownIds()).toEqual(stored.slice(-10));
    expect(fixture.service.hasMoreNewerMessages()).toBe(false);
    const targets: MessageJumpTarget[] = [];
    subscription = fixture.service.jumpToMessage$.subscribe((target) => targets.push(target));

    const target = stored[10];
    await fixture.service.jumpToMessage(target);

    expect(fixture.service.jumpToMessageTarget()).toEqual({ id: target, parentId: undefined });
    const window = shownIds();
    const start = stored.indexOf(window[0]);
    expect(window).toEqual(stored.slice(start, start + window.length));
    expect(window).toContain(target);
    expect(window).not.toContain(stored.at(-1));
    expect(fixture.service.hasMoreNewerMessages()).toBe(true);
    expect(start).toBeGreaterThan(0);
    expect(fixture.service.hasMoreMessages()).toBe(true);

    // Alice writes meanwhile: the message arrives, but bob still reads the older window.
    const live = await channel.sendMessage({ text: 'while bob reads history' });
    await poll(
      () =>
        fixture.chat.chatClient?.activeChannels[channel.cid]?.state.latestMessages.some(
          (m) => m.id === live.message.id,
        ),
      {
        description: "alice's message to reach bob's client",
      },
    );
    expect(shownIds()).not.toContain(live.message.id);

    for (let page = 0; page < 5 && fixture.service.hasMoreNewerMessages(); page++) {
      await fixture.service.loadMoreMessages('newer');
    }
    expect(fixture.service.hasMoreNewerMessages()).toBe(false);
    expect(shownIds()).toEqual([...stored.slice(start), live.message.id]);

    fixture.service.clearMessageJump();
    expect(fixture.service.jumpToMessageTarget()).toEqual({});
    expect(targets).toEqual([{}, { id: target, parentId: undefined }, {}]);
    // Back at the latest messages, the list is live again.
    const after = await channel.sendMessage({ text: 'back to live' });
    await poll(() => shownIds().at(-1) === after.message.id, { description: 'the live message' });
  });

  it('jumps to a thread reply: the thread opens around it', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const channel = await createChannel(alice, [bob], 'jump-thread');
    const parent = (await channel.sendMessage({ text: 'parent' })).message;
    const replies: string[] = [];
    for (let index = 0; index < 15; index++) {
      const reply = await channel.sendMessage({ text: `reply ${index}`, parent_id: parent.id });
      replies.push(reply.message.id);
    }
    await fixture.service.init({ members: { $in: [bob] } }, undefined, { message_limit: 5 });

    await fixture.service.jumpToMessage(replies[3], parent.id);

    expect(fixture.service.jumpToMessageTarget()).toEqual({ id: replies[3], parentId: parent.id });
    expect(fixture.service.activeParentMessageId()).toBe(parent.id);
    expect(fixture.service.activeThreadMessages().map((message) => message.id)).toContain(
      replies[3],
    );
    expect(shownIds()).toContain(parent.id);
  });

  it('rejects a message that does not exist, typed, and leaves the list as it was', async () => {
    const { stored } = await channelWithHistory(15);
    const before = fixture.service.activeChannelMessages();
    const targets: MessageJumpTarget[] = [];
    subscription = fixture.service.jumpToMessage$.subscribe((target) => targets.push(target));

    const error = await rejectionOf(fixture.service.jumpToMessage('no-such-message'));

    expect(error.kind).toBe('invalid-input');
    expect(error.message).toContain('no-such-message');
    expect(fixture.service.activeChannelMessages()).toEqual(before);
    expect(fixture.service.hasMoreNewerMessages()).toBe(false);
    expect(targets).toEqual([{}]);
    // The next jump works.
    await fixture.service.jumpToMessage(stored[1]);
    expect(shownIds()).toContain(stored[1]);
    expect(fixture.service.jumpToMessageTarget().id).toBe(stored[1]);
  });

  it('rejects without an active channel or before init(), typed; another channel clears the target', async () => {
    expect((await rejectionOf(fixture.service.jumpToMessage('m'))).kind).toBe('invalid-input');
    const { bob, alice, stored } = await channelWithHistory(12);
    const other = await createChannel(alice, [bob], 'other');
    await fixture.service.jumpToMessage(stored[0]);
    expect(fixture.service.jumpToMessageTarget().id).toBe(stored[0]);

    const listed = fixture.service.channels()?.find((channel) => channel.cid === other.cid);
    await fixture.service.setAsActiveChannel(
      listed ?? fixture.chat.chatClient!.channel('messaging', other.id),
    );
    expect(fixture.service.jumpToMessageTarget()).toEqual({});
    expect(fixture.service.hasMoreNewerMessages()).toBe(false);

    fixture.service.deselectActiveChannel();
    const error = await rejectionOf(fixture.service.jumpToMessage(stored[0]));
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toContain('needs an active channel');
    // Clearing with nothing to clear, or before init(), is harmless.
    fixture.service.clearMessageJump();
    fixture.service.reset();
    fixture.service.clearMessageJump();
    expect(fixture.service.jumpToMessageTarget()).toEqual({});
  });
});
