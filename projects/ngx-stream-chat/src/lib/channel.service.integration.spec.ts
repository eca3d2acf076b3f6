import type { Channel, ChannelFilters } from 'stream-chat';
import { StreamChatError } from 'ngx-stream-chat';
import { useChannelServiceFixture } from '../../../../jest/channel-service-fixture';
import { integrationEmulator } from '../../../../jest/emulator-environment';
import { createChannel, sendMessages } from '../../../../jest/peer-channels';
import { poll } from '../../../stream-chat-emulator/test/poll';

const cids = (channels: Channel[] | undefined) => channels?.map((channel) => channel.cid);
/** Bob's channels of one colour (a custom field). */
const coloured = (member: string, colour: string) =>
  ({ members: { $in: [member] }, colour }) as ChannelFilters;

describe('ChannelService against the emulator', () => {
  const fixture = useChannelServiceFixture();

  it('refuses to init before a user is connected, with a typed error', async () => {
    expect(fixture.service.channels()).toBeUndefined();

    const error = await fixture.service.init({}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StreamChatError);
    expect(error).toMatchObject({ kind: 'invalid-input' });
    expect((error as Error).message).toMatch(/needs a connected user/);
    expect(fixture.service.channels()).toBeUndefined();
    expect(fixture.service.channelQueryState()).toBeUndefined();
  });

  it('lists channels by last message, activates the first, and moves a channel up on message.new', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const [first, second, third] = [
      await createChannel(alice, [bob], 'first'),
      await createChannel(alice, [bob], 'second'),
      await createChannel(alice, [bob], 'third'),
    ];
    await third.sendMessage({ text: 'oldest' });
    await first.sendMessage({ text: 'middle' });
    await second.sendMessage({ text: 'newest' });

    const channels = await fixture.service.init({ members: { $in: [bob] } });

    expect(cids(channels)).toEqual([second.cid, first.cid, third.cid]);
    expect(cids(fixture.service.channels())).toEqual(cids(channels));
    expect(fixture.service.channelQueryState()).toEqual({ state: 'success' });
    expect(fixture.service.activeChannel()?.cid).toBe(second.cid);
    expect(fixture.service.activeChannelMessages().map((m) => m.text)).toEqual(['newest']);

    await third.sendMessage({ text: 'now the newest' });
    await poll(() => cids(fixture.service.channels())?.[0] === third.cid, {
      description: 'the channel with the new message to move to the top',
    });
    expect(cids(fixture.service.channels())).toEqual([third.cid, second.cid, first.cid]);
    expect(fixture.service.activeChannel()?.cid).toBe(second.cid);
  });

  it('keeps unread counts per channel and in total, and clears them when a channel is opened', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const one = await createChannel(alice, [bob], 'one');
    const two = await createChannel(alice, [bob], 'two');
    const [listedOne, listedTwo] = await fixture.service
      .init({ members: { $in: [bob] } }, undefined, { activateFirstChannel: false })
      .then((channels) => [one, two].map((c) => channels.find((l) => l.cid === c.cid) as Channel));
    const unreadOne = fixture.service.unreadCount(listedOne);
    const unreadTwo: number[] = [];
    fixture.service.unreadCount$(listedTwo).subscribe((count) => unreadTwo.push(count));
    expect(fixture.service.activeChannel()).toBeUndefined();

    await sendMessages(one, 2, 'for one');
    await two.sendMessage({ text: 'for two' });

    await poll(() => unreadOne() === 2 && unreadTwo.at(-1) === 1, {
      description: 'unread counts 2 and 1',
    });
    await poll(() => fixture.chat.user()?.total_unread_count === 3, {
      description: 'a total of 3',
    });
    expect(unreadTwo).toEqual([0, 1]);

    await fixture.service.setAsActiveChannel(listedOne);

    await poll(() => unreadOne() === 0, { description: 'the opened channel to be read' });
    await poll(() => fixture.chat.user()?.total_unread_count === 1, {
      description: 'a total of 1',
    });
    await poll(() => one.state.read[bob]?.unread_messages === 0, {
      description: 'alice to see bob read it',
    });
    expect(unreadTwo.at(-1)).toBe(1);
  });

  it('exchanges messages both ways, marks the active channel read, and shows who is typing', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const channel = await createChannel(alice, [bob], 'talk');
    await fixture.service.init({ members: { $in: [bob] } });
    const texts = () => fixture.service.activeChannelMessages().map((m) => m.text);

    const { message: fromAlice } = await channel.sendMessage({ text: 'hi bob' });
    await poll(() => texts().includes('hi bob'), { description: "alice's message to appear" });
    await poll(() => channel.state.read[bob]?.last_read_message_id === fromAlice.id, {
      description: 'alice to see that bob read her message',
    });
    const unread = fixture.service.unreadCount(fixture.service.activeChannel()!);
    await poll(() => unread() === 0, {
      description: 'the active channel to have no unread messages',
    });

    const sending = fixture.service.sendMessage('hi alice');
    expect(fixture.service.activeChannelMessages().at(-1)).toMatchObject({
      text: 'hi alice',
      status: 'sending',
    });
    const sent = await sending;
    expect(sent).toMatchObject({ text: 'hi alice', status: 'received', user: { id: bob } });
    await poll(() => channel.state.messages.some((m) => m.id === sent.id), {
      description: "bob's message to reach alice",
    });
    expect(texts()).toEqual(['hi bob', 'hi alice']);

    await channel.keystroke();
    await poll(
      () =>
        fixture.service
          .usersTypingInChannel()
          .map((u) => u.id)
          .join() === alice.userID,
      { description: 'alice to be typing' },
    );
    await channel.stopTyping();
    await poll(() => fixture.service.usersTypingInChannel().length === 0, {
      description: 'alice to stop',
    });

    await fixture.service.typingStarted();
    await poll(() => channel.state.typing[bob] !== undefined, {
      description: 'alice to see bob typing',
    });
    expect(fixture.service.usersTypingInChannel()).toEqual([]);
    await fixture.service.typingStopped();
    await poll(() => channel.state.typing[bob] === undefined, {
      description: 'bob to stop typing',
    });
  });

  it('replaces the list when init is called again with other filters', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const red = await createChannel(alice, [bob], 'red', { colour: 'red' });
    const blue = await createChannel(alice, [bob], 'blue', { colour: 'blue' });

    const client = fixture.chat.chatClient!;
    const listenerCount = () =>
      Object.values(client.listeners).reduce((sum, list) => sum + list.length, 0);
    await fixture.service.init(coloured(bob, 'red'));
    expect(cids(fixture.service.channels())).toEqual([red.cid]);
    const listenersOfOneList = listenerCount();
    const channels = await fixture.service.init(coloured(bob, 'blue'));
    expect(listenerCount()).toBe(listenersOfOneList);

    expect(cids(channels)).toEqual([blue.cid]);
    expect(cids(fixture.service.channels())).toEqual([blue.cid]);
    expect(fixture.service.activeChannel()?.cid).toBe(blue.cid);

    // The first list's listeners are gone: activity there changes nothing.
    await red.sendMessage({ text: 'still there?' });
    await blue.sendMessage({ text: 'marker' });
    await poll(() => fixture.service.activeChannelMessages().some((m) => m.text === 'marker'), {
      description: 'the marker message',
    });
    expect(cids(fixture.service.channels())).toEqual([blue.cid]);
  });

  it('lets only the latest of two overlapping inits install its list', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    await createChannel(alice, [bob], 'red', { colour: 'red' });
    const blue = await createChannel(alice, [bob], 'blue', { colour: 'blue' });

    const first = fixture.service.init(coloured(bob, 'red'));
    const second = fixture.service.init(coloured(bob, 'blue'));

    await expect(first).rejects.toMatchObject({ kind: 'superseded' });
    expect(cids(await second)).toEqual([blue.cid]);
    expect(cids(fixture.service.channels())).toEqual([blue.cid]);
  });

  it('keeps the list and reports a typed error when a query fails', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    await createChannel(alice, [bob], 'a');
    await createChannel(alice, [bob], 'b');
    const firstPage = await fixture.service.init({ members: { $in: [bob] } }, undefined, {
      limit: 1,
    });
    expect(fixture.service.hasMoreChannels()).toBe(true);

    await fixture.admin.failNextRequests(1, 503);
    await fixture.service.loadMoreChannels();

    const state = fixture.service.channelQueryState();
    expect(state?.state).toBe('error');
    const error = state?.state === 'error' ? state.error : undefined;
    expect(error).toBeInstanceOf(StreamChatError);
    expect(error).toMatchObject({ status: 503 });
    expect(cids(fixture.service.channels())).toEqual(cids(firstPage));

    await fixture.service.loadMoreChannels();
    expect(fixture.service.channels()).toHaveLength(2);
    expect(fixture.service.channelQueryState()).toEqual({ state: 'success' });
  });

  it('keeps a failed message visible as failed, then resends it once', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const channel = await createChannel(alice, [bob], 'flaky');
    await fixture.service.init({ members: { $in: [bob] } });

    await fixture.admin.failNextRequests(1);
    const failed = await fixture.service.sendMessage('will this arrive?');

    expect(failed).toMatchObject({ text: 'will this arrive?', status: 'failed' });
    expect(failed.sendError).toBeInstanceOf(StreamChatError);
    expect(failed.errorMessage).toMatch(/ngx-stream-chat: .*sendMessage/);
    expect(fixture.service.activeChannelMessages()).toEqual([
      expect.objectContaining({ id: failed.id, status: 'failed' }),
    ]);

    const resent = await fixture.service.resendMessage(failed);

    expect(resent).toMatchObject({ id: failed.id, status: 'received' });
    expect(fixture.service.activeChannelMessages()).toEqual([
      expect.objectContaining({ id: failed.id, status: 'received' }),
    ]);
    await poll(() => channel.state.messages.some((m) => m.id === failed.id), {
      description: 'alice to get the resent message',
    });
    expect(channel.state.messages.filter((m) => m.text === 'will this arrive?')).toHaveLength(1);
  });

  it('lists public channels for an anonymous user', async () => {
    await fixture.chat.init(integrationEmulator().apiKey, undefined, 'anonymous');
    const channels = await fixture.service.init({ type: 'livestream', id: 'town-square' });

    expect(cids(channels)).toEqual(['livestream:town-square']);
    expect(fixture.service.activeChannelMessages().length).toBeGreaterThan(0);
    expect(fixture.service.activeChannel()?.data?.own_capabilities).not.toContain('read-events');
  });

  it('removes every listener it added on reset, and resets twice without harm', async () => {
    fixture.service.reset();
    await fixture.connect('bob');
    const client = fixture.chat.chatClient!;
    const listenerCount = () =>
      Object.values(client.listeners).reduce((sum, list) => sum + list.length, 0);
    const before = listenerCount();

    await fixture.service.init({});
    expect(listenerCount()).toBeGreaterThan(before);
    fixture.service.reset();
    fixture.service.reset();

    expect(listenerCount()).toBe(before);
    expect(fixture.service.channels()).toBeUndefined();
    expect(fixture.service.activeChannel()).toBeUndefined();
    expect(fixture.service.activeChannelMessages()).toEqual([]);
    expect(fixture.service.hasMoreChannels()).toBe(false);
    expect(fixture.service.channelQueryState()).toBeUndefined();
  });
});
