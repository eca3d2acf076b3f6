import { Channel, MessageResponse } from 'stream-chat';
import { MessageQuery, serveMessages } from '../../../../../jest/offline-message-server';
import {
  channelState,
  deliver,
  loadChannels,
  messageFrom,
  newMessage,
  offlineClient,
} from '../../../../../jest/offline-stream-chat';
import { StoreProbe, nextFrame } from '../../../../../jest/session-store-probe';
import { StreamChatError } from '../stream-chat-errors';
import { activeChannelSlice } from './active-channel.slice';
import { messageJumpSlice } from './message-jump.slice';
import { MessagesCommands, messagesSlice, reduceMessages } from './messages.slice';

describe('messagesSlice', () => {
  let client: ReturnType<typeof offlineClient>;
  let probe: StoreProbe;
  let messages: MessagesCommands;

  beforeEach(() => {
    client = offlineClient('me');
    // Others' messages in the active channel mark it read.
    jest.spyOn(Channel.prototype, 'markRead').mockResolvedValue(null);
    probe = new StoreProbe(client, { options: { message_limit: 2 } });
    messages = probe.commands(messagesSlice);
  });

  afterEach(() => {
    probe.dispose();
    jest.restoreAllMocks();
  });

  const loaded = (id: string, stored: MessageResponse[] = []) =>
    loadChannels(client, [channelState(client, id, { messages: stored })])[0];
  const select = (channel: Channel) => probe.commands(activeChannelSlice).select(channel);
  const texts = () => probe.state.activeChannelMessages.map((message) => message.text);

  describe('the active channel’s messages', () => {
    it('lists them oldest first, and keeps the same array while nothing changes', async () => {
      const channel = loaded('c', [messageFrom('alice', 'one'), messageFrom('me', 'two')]);
      await select(channel);
      const first = probe.state.activeChannelMessages;
      expect(first.map((m) => [m.text, m.status])).toEqual([
        ['one', 'received'],
        ['two', 'received'],
      ]);

      // Typing in the channel and a message elsewhere change none of its messages.
      const mark = probe.mark();
      deliver(client, { type: 'typing.start', cid: channel.cid, user: { id: 'alice' } });
      newMessage(client, loaded('elsewhere'), 'alice', 'not here');
      await nextFrame();
      expect(probe.values('activeChannelMessages', mark)).toEqual([]);

      newMessage(client, channel, 'alice', 'three');
      await nextFrame();
      const second = probe.state.activeChannelMessages;
      expect(second).not.toBe(first);
      expect(second[0]).toBe(first[0]);
      expect(second.map((m) => m.text)).toEqual(['one', 'two', 'three']);
    });

    it('re-reads them in one batch per frame, however many events arrive', async () => {
      const channel = loaded('c');
      await select(channel);
      const mark = probe.mark();
      for (let i = 0; i < 5; i++) newMessage(client, channel, 'alice', `burst ${i}`);
      await nextFrame();
      expect(probe.values('activeChannelMessages', mark)).toHaveLength(1);
      expect(texts()).toHaveLength(5);
    });

    it('is empty, with nothing more to load, without an active channel', async () => {
      const channel = loaded('c', [messageFrom('alice', 'one')]);
      channel.state.messageSets[0].pagination.hasPrev = true;
      await select(channel);
      expect(probe.state.hasMoreMessages).toBe(true);

      probe.commands(activeChannelSlice).deselect();

      expect(probe.state.activeChannelMessages).toEqual([]);
      expect(probe.state.hasMoreMessages).toBe(false);
      const empty = probe.store.get(messagesSlice);
      expect(empty.channel).toBeUndefined();
      expect(reduceMessages(empty, [{ type: 'ngx.test' }], probe.store)).toBe(empty);
    });

    it('starts from a new array when another channel is opened', async () => {
      const a = loaded('a', [messageFrom('alice', 'in a')]);
      const b = loaded('b', [messageFrom('alice', 'in b')]);
      await select(a);
      await select(b);
      expect(texts()).toEqual(['in b']);
      expect(probe.state.activeChannel).toBe(b);
    });
  });

  describe('loadMore', () => {
    let query: MessageQuery;
    /** The stored messages the stubbed server pages through. */
    let stored: MessageResponse[];

    beforeEach(() => {
      stored = Array.from({ length: 7 }, (_, i) => messageFrom('alice', `m${i}`));
    });

    /** The active channel, showing the last two stored messages, more before them. */
    async function pagedChannel(): Promise<Channel> {
      const channel = loaded('paged', stored.slice(-2));
      channel.state.messageSets[0].pagination.hasPrev = true;
      query = serveMessages(client, channel, stored);
      await select(channel);
      return channel;
    }

    it('loads older pages before the oldest message, sharing concurrent calls', async () => {
      const channel = await pagedChannel();
      const mark = probe.mark();
      await Promise.all([messages.loadMore(channel, 'older'), messages.loadMore(channel, 'older')]);

      expect(query).toHaveBeenCalledTimes(1);
      expect(query).toHaveBeenCalledWith(
        { messages: { limit: 2, id_lt: stored[5].id } },
        'current',
      );
      expect(texts()).toEqual(['m3', 'm4', 'm5', 'm6']);
      expect(probe.values('activeChannelMessages', mark)).toHaveLength(1);

      while (probe.state.hasMoreMessages) await messages.loadMore(channel, 'older');
      expect(texts()).toEqual(stored.map((m) => m.text));
      await messages.loadMore(channel, 'older');
      expect(query).toHaveBeenCalledTimes(3);
    });

    it('pages from the oldest message the server has, skipping one being sent', async () => {
      const channel = await pagedChannel();
      channel.state.addMessageSorted(
        {
          ...channel.state.formatMessage({
            ...messageFrom('me', 'unsent'),
            created_at: '2000-01-01T00:00:00.000Z',
          }),
          status: 'sending',
        },
        true,
      );
      await messages.loadMore(channel, 'older');
      expect(query.mock.calls[0][0]?.messages?.id_lt).toBe(stored[5].id);
    });

    it('rejects with a typed error when a page cannot be loaded, and tries again next time', async () => {
      const channel = await pagedChannel();
      query.mockRejectedValueOnce(new Error('down'));
      await expect(messages.loadMore(channel, 'older')).rejects.toBeInstanceOf(StreamChatError);
      expect(texts()).toEqual(['m5', 'm6']);
      await messages.loadMore(channel, 'older');
      expect(query).toHaveBeenCalledTimes(2);
      expect(texts()).toEqual(['m3', 'm4', 'm5', 'm6']);
    });

    it('loads newer pages after a jump until the latest messages, then nothing', async () => {
      const channel = await pagedChannel();
      await probe.commands(messageJumpSlice).jump(stored[1].id);
      expect(texts()).toEqual(['m0', 'm1']);
      expect(probe.state.hasMoreNewerMessages).toBe(true);

      const mark = probe.mark();
      await Promise.all([messages.loadMore(channel, 'newer'), messages.loadMore(channel, 'newer')]);
      expect(query).toHaveBeenLastCalledWith(
        { messages: { limit: 2, id_gt: stored[1].id } },
        'current',
      );
      expect(texts()).toEqual(['m0', 'm1', 'm2', 'm3']);
      expect(probe.values('activeChannelMessages', mark)).toHaveLength(1);

      for (let pages = 0; probe.state.hasMoreNewerMessages && pages < 10; pages++) {
        await messages.loadMore(channel, 'newer');
      }
      expect(probe.state.hasMoreNewerMessages).toBe(false);
      expect(texts()).toEqual(stored.map((m) => m.text));
      const calls = query.mock.calls.length;
      await messages.loadMore(channel, 'newer');
      expect(query).toHaveBeenCalledTimes(calls);
    });

    it('loads older and newer pages side by side, one request per direction', async () => {
      stored = Array.from({ length: 9 }, (_, i) => messageFrom('alice', `m${i}`));
      const channel = await pagedChannel();
      await probe.commands(messageJumpSlice).jump(stored[3].id);
      expect(texts()).toEqual(['m2', 'm3']);
      query.mockClear();

      await Promise.all([
        messages.loadMore(channel, 'older'),
        messages.loadMore(channel, 'newer'),
        messages.loadMore(channel, 'older'),
        messages.loadMore(channel, 'newer'),
      ]);

      expect(query.mock.calls.map(([options]) => options?.messages)).toEqual([
        { limit: 2, id_lt: stored[2].id },
        { limit: 2, id_gt: stored[3].id },
      ]);
      expect(texts()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    });

    it('resolves at once when there is nothing newer', async () => {
      const channel = await pagedChannel();
      await messages.loadMore(channel, 'newer');
      expect(query).not.toHaveBeenCalled();
      expect(probe.state.hasMoreNewerMessages).toBe(false);
    });
  });
});
