import { Channel, MessageResponse, SendMessageAPIResponse } from 'stream-chat';
import { MessageQuery, serveMessages } from '../../../../../jest/offline-message-server';
import {
  channelState,
  deliver,
  loadChannels,
  messageFrom,
  offlineClient,
} from '../../../../../jest/offline-stream-chat';
import { StoreProbe } from '../../../../../jest/session-store-probe';
import { activeChannelSlice } from './active-channel.slice';
import { sendingSlice } from './message-sending.slice';
import { MessagesCommands, messagesSlice } from './messages.slice';

/**
 * Messages sent within the last second, oldest first: too recent for the rule that trusts only
 * messages older than the last server event, so only the channel's shown or delivered messages
 * can mark where a catch-up starts.
 */
function recentMessages(count: number): MessageResponse[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    ...messageFrom('alice', `n${i}`),
    created_at: new Date(now - (count - i)).toISOString(),
  }));
}

/**
 * The anchor rules of `MessageCatchUp`, driven as in an app: messages arrive as `message.new`
 * events, the new socket announces itself with `connection.changed`, and the messages slice's
 * `catchUp()` runs the catch-up (the recovery slice calls it on `connection.recovered`).
 */
describe('MessageCatchUp', () => {
  let client: ReturnType<typeof offlineClient>;
  let probe: StoreProbe;
  let messages: MessagesCommands;
  let query: MessageQuery;
  /** The stored messages the stubbed server pages through. */
  let stored: MessageResponse[];

  beforeEach(() => {
    client = offlineClient('me');
    // Others' messages in the active channel mark it read.
    jest.spyOn(Channel.prototype, 'markRead').mockResolvedValue(null);
    probe = new StoreProbe(client, { options: { message_limit: 2 } });
    messages = probe.commands(messagesSlice);
    stored = Array.from({ length: 10 }, (_, i) => messageFrom('alice', `n${i}`));
  });

  afterEach(() => {
    probe.dispose();
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  /** A channel holding `shown` (stored messages), served from `stored`. */
  function channelShowing(shown: MessageResponse[], id = 'paged'): Channel {
    const channel = loadChannels(client, [channelState(client, id, { messages: shown })])[0];
    query = serveMessages(client, channel, stored);
    return channel;
  }
  const select = (channel: Channel) => probe.commands(activeChannelSlice).select(channel);
  /** A stored message arriving over the socket. */
  const arrives = (channel: Channel, message: MessageResponse) =>
    deliver(client, {
      type: 'message.new',
      cid: channel.cid,
      user: message.user ?? undefined,
      message,
    });
  /** The new socket is up, before the client recovers. */
  const socketBack = () => deliver(client, { type: 'connection.changed', online: true });
  /** Where each catch-up request started. */
  const startedAfter = () => query.mock.calls.map(([options]) => options?.messages?.id_gt);

  it('catches up after the newest message the channel showed when it was opened', async () => {
    stored = recentMessages(250);
    const channel = channelShowing([stored[248]]);
    await select(channel);
    socketBack();

    await messages.catchUp(channel);

    expect(startedAfter()).toEqual([stored[248].id]);
    expect(query.mock.calls[0]).toEqual([
      { watch: true, presence: true, messages: { limit: 100, id_gt: stored[248].id } },
      'latest',
    ]);
    expect(channel.state.messages.map((m) => m.text)).toEqual(['n248', 'n249']);
  });

  it('catches up after the newest message a watch loaded when the channel was opened', async () => {
    stored = recentMessages(10);
    const channel = client.channel('messaging', 'unwatched');
    query = serveMessages(client, channel, stored);
    await select(channel);
    expect(channel.state.messages.map((m) => m.text)).toEqual(['n8', 'n9']);
    stored.push(messageFrom('alice', 'n10'));
    socketBack();

    await messages.catchUp(channel);

    expect(startedAfter().at(-1)).toBe(stored[9].id);
  });

  it('starts after the last message delivered over the socket, not after own messages sent while offline', async () => {
    const channel = channelShowing(stored.slice(0, 2));
    await select(channel);
    arrives(channel, stored[2]);
    // Sent from here while the socket was down: newer than what alice sent meanwhile.
    jest.spyOn(channel, 'sendMessage').mockImplementation(
      async (message) =>
        ({
          message: { ...message, user: { id: 'me' }, created_at: new Date().toISOString() },
        }) as SendMessageAPIResponse,
    );
    await probe.commands(sendingSlice).send(channel, 'mine');
    expect(channel.state.latestMessages.at(-1)).toMatchObject({ text: 'mine', status: 'received' });
    socketBack();

    await messages.catchUp(channel);

    expect(startedAfter()).toEqual([stored[2].id]);
  });

  it('keeps its starting point when the new socket delivers a message before the catch-up', async () => {
    const channel = channelShowing(stored.slice(0, 2));
    await select(channel);
    arrives(channel, stored[2]);
    socketBack();
    // Watched again on the new socket before the catch-up: n9 arrives, n3-n8 were missed.
    arrives(channel, stored[9]);

    await messages.catchUp(channel);
    expect(startedAfter()).toEqual([stored[2].id]);
    expect(channel.state.messages.map((m) => m.text)).toEqual(stored.map((m) => m.text));

    // Caught up: deliveries mark the point again.
    stored.push(messageFrom('alice', 'n10'));
    arrives(channel, stored[10]);
    socketBack();
    await messages.catchUp(channel);
    expect(startedAfter()).toEqual([stored[2].id, stored[10].id]);
  });

  it('starts from the same point again when the socket drops before the catch-up is done', async () => {
    const channel = channelShowing(stored.slice(0, 2));
    await select(channel);
    arrives(channel, stored[2]);
    socketBack();
    arrives(channel, stored[5]);
    socketBack();

    await messages.catchUp(channel);

    expect(startedAfter()).toEqual([stored[2].id]);
  });

  it('without a delivered message, skips messages newer than the last server event', async () => {
    const channel = channelShowing([]);
    await select(channel);
    // Loaded without a `message.new` (nothing was shown when the channel opened), then one of
    // the user's own, sent just now.
    channel.state.addMessagesSorted(stored.slice(0, 4));
    const own = { ...messageFrom('me', 'mine'), created_at: new Date().toISOString() };
    channel.state.addMessageSorted(channel.state.formatMessage(own));
    deliver(client, { type: 'health.check' });
    socketBack();

    await messages.catchUp(channel);

    expect(startedAfter()).toEqual([stored[3].id]);
  });

  it("dates the last server event by the server's events only, not the client's own", async () => {
    jest.useFakeTimers({ now: Date.parse('2024-06-01T12:00:00.000Z'), doNotFake: ['nextTick'] });
    probe.dispose();
    probe = new StoreProbe(client, { options: { message_limit: 2 } });
    messages = probe.commands(messagesSlice);
    const channel = channelShowing([]);
    await select(channel);
    const at = (iso: string) => ({ ...messageFrom('alice', iso), created_at: iso });
    // Within a minute of the store's start, and a while before it.
    const early = at('2024-06-01T11:55:00.000Z');
    const recent = at('2024-06-01T12:00:30.000Z');
    channel.state.addMessagesSorted([early, recent]);
    jest.setSystemTime(Date.parse('2024-06-01T12:05:00.000Z'));

    // The client's own events say nothing about the socket: `recent` may have been sent offline.
    deliver(client, { type: 'message.read_locally', cid: channel.cid });
    deliver(client, { type: 'capabilities.changed', cid: channel.cid });
    socketBack();
    await messages.catchUp(channel);
    expect(startedAfter()).toEqual([early.id]);
  });

  it('counts any event from the server as a sign the socket was up', async () => {
    jest.useFakeTimers({ now: Date.parse('2024-06-01T12:00:00.000Z'), doNotFake: ['nextTick'] });
    probe.dispose();
    probe = new StoreProbe(client, { options: { message_limit: 2 } });
    messages = probe.commands(messagesSlice);
    const channel = channelShowing([]);
    await select(channel);
    const recent = { ...messageFrom('alice', 'recent'), created_at: '2024-06-01T12:00:30.000Z' };
    channel.state.addMessagesSorted([recent]);
    jest.setSystemTime(Date.parse('2024-06-01T12:05:00.000Z'));

    deliver(client, { type: 'user.presence.changed', user: { id: 'alice' } });
    socketBack();
    await messages.catchUp(channel);
    expect(startedAfter()).toEqual([recent.id]);
  });

  it('follows the pages until a short one', async () => {
    stored = Array.from({ length: 250 }, (_, i) => messageFrom('alice', `n${i}`));
    const channel = channelShowing([stored[10]]);
    await select(channel);
    socketBack();

    await messages.catchUp(channel);

    expect(query.mock.calls.map(([options]) => options?.messages)).toEqual([
      { limit: 100, id_gt: stored[10].id },
      { limit: 100, id_gt: stored[110].id },
      { limit: 100, id_gt: stored[210].id },
    ]);
    expect(channel.state.messages).toHaveLength(240);
  });

  it('stops after the page under way when the session ends', async () => {
    stored = Array.from({ length: 250 }, (_, i) => messageFrom('alice', `n${i}`));
    const channel = channelShowing([stored[10]]);
    await select(channel);
    socketBack();
    query.mockImplementationOnce(async () => {
      probe.dispose();
      return { ...channelState(client, 'paged'), messages: stored.slice(11, 111) } as never;
    });

    await messages.catchUp(channel);

    expect(query).toHaveBeenCalledTimes(1);
  });

  it('reloads the latest page when it has nothing to start from', async () => {
    const channel = channelShowing(stored.slice(-2));
    // Never shown: nothing marks where its messages end.
    await messages.catchUp(channel);
    expect(query.mock.calls.map(([options]) => options?.messages)).toEqual([{ limit: 2 }]);
  });

  it('rejects with the server’s error, to be reported by the caller', async () => {
    const channel = channelShowing(stored.slice(0, 2));
    await select(channel);
    query.mockRejectedValueOnce(new Error('down'));
    await expect(messages.catchUp(channel)).rejects.toThrow('down');
  });
});
