import type {
  Channel,
  EventTypes,
  ChannelQueryOptions,
  MessageResponse,
  QueryChannelAPIResponse,
} from 'stream-chat';
import {
  channelState,
  deliver,
  loadChannels,
  messageFrom,
  newMessage,
  offlineClient,
} from '../../../../jest/offline-stream-chat';
import { SessionContextStub, sessionContextStub } from '../../../../jest/session-context-stub';
import { ChannelMessages, hasMoreMessagesOf, messagesOf, typingUsersOf } from './channel-messages';
import { StreamChatError } from './stream-chat-errors';

describe('active channel messages', () => {
  let client: ReturnType<typeof offlineClient>;
  let context: SessionContextStub;

  beforeEach(() => {
    client = offlineClient('me');
    context = sessionContextStub(client, { message_limit: 2 });
  });

  const loaded = (id: string, messages: MessageResponse[] = []) =>
    loadChannels(client, [channelState(client, id, { messages })])[0];

  describe('messagesOf', () => {
    it('lists the messages oldest first, and keeps the same array while nothing changes', () => {
      const channel = loaded('c', [messageFrom('alice', 'one'), messageFrom('me', 'two')]);
      const first = messagesOf(channel, []);
      expect(first.map((m) => [m.text, m.status])).toEqual([
        ['one', 'received'],
        ['two', 'received'],
      ]);
      expect(messagesOf(channel, first)).toBe(first);

      newMessage(client, channel, 'alice', 'three');
      const second = messagesOf(channel, first);
      expect(second).not.toBe(first);
      expect(second[0]).toBe(first[0]);
      expect(second.map((m) => m.text)).toEqual(['one', 'two', 'three']);
    });

    it('is empty without a channel', () => {
      expect(messagesOf(undefined, [])).toEqual([]);
      expect(hasMoreMessagesOf(undefined)).toBe(false);
    });
  });

  describe('typingUsersOf', () => {
    it('lists others typing in the main list, and keeps the same array for the same users', () => {
      const channel = loaded('c');
      const typing = (id: string, type: EventTypes = 'typing.start', extra = {}) =>
        deliver(client, { type, cid: channel.cid, user: { id }, ...extra });
      typing('alice');
      typing('me');
      typing('carol', 'typing.start', { parent_id: 'thread' });

      const first = typingUsersOf(channel, 'me', []);
      expect(first.map((user) => user.id)).toEqual(['alice']);
      typing('alice');
      expect(typingUsersOf(channel, 'me', first)).toBe(first);
      typing('alice', 'typing.stop');
      expect(typingUsersOf(channel, 'me', first)).toEqual([]);
    });
  });

  describe('ChannelMessages', () => {
    let messages: ChannelMessages;
    let query: jest.Mock<Promise<QueryChannelAPIResponse>, [ChannelQueryOptions, string]>;
    /** The stored messages the stubbed server pages through. */
    let stored: MessageResponse[];

    beforeEach(() => {
      messages = new ChannelMessages(context);
      stored = Array.from({ length: 7 }, (_, i) => messageFrom('alice', `m${i}`));
    });

    /** A channel showing the last two stored messages, whose query pages through `stored`. */
    function pagedChannel(): Channel {
      const channel = loaded('paged', stored.slice(-2));
      channel.state.messageSets[0].pagination.hasPrev = true;
      query = jest.fn(async (options: ChannelQueryOptions, set: string) => {
        await Promise.resolve();
        const { limit = 100, id_lt, id_gt } = options.messages ?? {};
        const index = (id?: string) => stored.findIndex((m) => m.id === id);
        const page = id_lt
          ? stored.slice(Math.max(0, index(id_lt) - limit), index(id_lt))
          : id_gt
            ? stored.slice(index(id_gt) + 1, index(id_gt) + 1 + limit)
            : stored.slice(-limit);
        const state = { ...channelState(client, 'paged'), messages: page };
        channel._initializeState(state, set as never);
        if (id_lt) channel.state.messageSets[0].pagination.hasPrev = page.length >= limit;
        return state as QueryChannelAPIResponse;
      });
      channel.query = query as unknown as Channel['query'];
      return channel;
    }

    it('loads older pages before the oldest message, sharing concurrent calls', async () => {
      const channel = pagedChannel();
      await Promise.all([messages.loadMore(channel), messages.loadMore(channel)]);
      expect(query).toHaveBeenCalledTimes(1);
      expect(query).toHaveBeenCalledWith(
        { messages: { limit: 2, id_lt: stored[5].id } },
        'current',
      );
      expect(channel.state.messages.map((m) => m.text)).toEqual(['m3', 'm4', 'm5', 'm6']);
      expect(context.updates).toBe(1);

      while (hasMoreMessagesOf(channel)) await messages.loadMore(channel);
      expect(channel.state.messages.map((m) => m.text)).toEqual(stored.map((m) => m.text));
      await messages.loadMore(channel);
      expect(query).toHaveBeenCalledTimes(3);
    });

    it('rejects with a typed error when a page cannot be loaded', async () => {
      const channel = pagedChannel();
      query.mockRejectedValueOnce(new Error('down'));
      await expect(messages.loadMore(channel)).rejects.toBeInstanceOf(StreamChatError);
      await messages.loadMore(channel);
      expect(query).toHaveBeenCalledTimes(2);
    });

    it('catches up from the newest message held before the reconnect', async () => {
      stored = Array.from({ length: 250 }, (_, i) => messageFrom('alice', `n${i}`));
      const channel = pagedChannel();
      channel.state.latestMessages = channel.state.latestMessages.slice(0, 1);
      messages.rememberNewest(channel);

      await messages.catchUp(channel);

      expect(query.mock.calls.map(([options]) => options.messages?.id_gt)).toEqual([
        stored[248].id,
      ]);
      expect(query.mock.calls[0][0]).toMatchObject({ watch: true, presence: true });
      expect(channel.state.messages.map((m) => m.text)).toEqual(['n248', 'n249']);
    });

    it('starts after the last message delivered over the socket, not after own messages sent while offline', async () => {
      stored = Array.from({ length: 10 }, (_, i) => messageFrom('alice', `n${i}`));
      const channel = pagedChannel();
      messages.noteDelivered(channel, channel.cid, stored[2].id);
      // Sent from here while the socket was down: newer than what bob sent meanwhile.
      const own = { ...messageFrom('me', 'mine'), created_at: new Date().toISOString() };
      channel.state.latestMessages = [
        ...stored.slice(0, 3).map((message) => channel.state.formatMessage(message)),
        channel.state.formatMessage(own),
      ];
      messages.rememberNewest(channel);

      await messages.catchUp(channel);

      expect(query.mock.calls[0][0].messages?.id_gt).toBe(stored[2].id);
    });

    it('keeps its starting point when the new socket delivers a message before the catch-up', async () => {
      stored = Array.from({ length: 10 }, (_, i) => messageFrom('alice', `n${i}`));
      const channel = pagedChannel();
      messages.noteDelivered(channel, channel.cid, stored[2].id);
      messages.rememberNewest(channel);
      // Watched again on the new socket before the catch-up: n9 arrives, n3-n8 were missed.
      messages.noteDelivered(channel, channel.cid, stored[9].id);

      await messages.catchUp(channel);
      expect(query.mock.calls[0][0].messages?.id_gt).toBe(stored[2].id);

      // Caught up: deliveries mark the point again.
      messages.noteDelivered(channel, channel.cid, stored[9].id);
      messages.rememberNewest(channel);
      await messages.catchUp(channel);
      expect(query.mock.calls[1][0].messages?.id_gt).toBe(stored[9].id);
    });

    it('starts from the same point again when the socket drops before the catch-up is done', async () => {
      stored = Array.from({ length: 10 }, (_, i) => messageFrom('alice', `n${i}`));
      const channel = pagedChannel();
      messages.noteDelivered(channel, channel.cid, stored[2].id);
      messages.rememberNewest(channel);
      messages.noteDelivered(channel, channel.cid, stored[5].id);
      messages.rememberNewest(channel);

      await messages.catchUp(channel);

      expect(query.mock.calls[0][0].messages?.id_gt).toBe(stored[2].id);
    });

    it('without a delivered message, skips messages newer than the last server event', async () => {
      stored = Array.from({ length: 10 }, (_, i) => messageFrom('alice', `n${i}`));
      const channel = pagedChannel();
      const own = { ...messageFrom('me', 'mine'), created_at: new Date().toISOString() };
      channel.state.latestMessages = [
        ...stored.slice(0, 4).map((message) => channel.state.formatMessage(message)),
        channel.state.formatMessage(own),
      ];
      messages.noteServerEvent();
      messages.rememberNewest(channel);

      await messages.catchUp(channel);

      expect(query.mock.calls[0][0].messages?.id_gt).toBe(stored[3].id);
    });

    it('follows the pages until a short one', async () => {
      stored = Array.from({ length: 250 }, (_, i) => messageFrom('alice', `n${i}`));
      const channel = pagedChannel();
      channel.state.latestMessages = [channel.state.formatMessage(stored[10])];
      messages.rememberNewest(channel);

      await messages.catchUp(channel);

      expect(query.mock.calls.map(([options]) => options.messages)).toEqual([
        { limit: 100, id_gt: stored[10].id },
        { limit: 100, id_gt: stored[110].id },
        { limit: 100, id_gt: stored[210].id },
      ]);
      expect(channel.state.messages).toHaveLength(240);
    });

    it('reloads the latest page when it has nothing to start from', async () => {
      const channel = pagedChannel();
      await messages.catchUp(channel);
      expect(query.mock.calls.map(([options]) => options.messages)).toEqual([{ limit: 2 }]);
    });
  });
});
