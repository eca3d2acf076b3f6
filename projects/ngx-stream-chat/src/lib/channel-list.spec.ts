import { Channel, ChannelAPIResponse, ChannelStateOptions } from 'stream-chat';
import {
  channelState,
  deliver,
  loadChannels,
  messageFrom,
  newMessage,
  offlineClient,
} from '../../../../jest/offline-stream-chat';
import { SessionContextStub, sessionContextStub } from '../../../../jest/session-context-stub';
import { ChannelList } from './channel-list';
import { StreamChatError } from './stream-chat-errors';

describe('ChannelList', () => {
  let client: ReturnType<typeof offlineClient>;
  let context: SessionContextStub;
  /** What the stubbed server answers to `queryChannels`, by offset. */
  let pages: Record<number, ChannelAPIResponse[]>;
  let queries: { offset: number; stateOptions: ChannelStateOptions }[];

  const cids = (channels: Channel[]) => channels.map((channel) => channel.id);
  const states = (...ids: string[]) => ids.map((id) => channelState(client, id));

  beforeEach(() => {
    client = offlineClient('me');
    context = sessionContextStub(client, { limit: 2 });
    pages = {};
    queries = [];
    client.queryChannels = jest.fn(async (_filters, _sort, options, stateOptions) => {
      const offset = options?.offset ?? 0;
      queries.push({ offset, stateOptions: stateOptions ?? {} });
      if (!(offset in pages)) throw new Error('no such page');
      return client.hydrateActiveChannels(pages[offset], stateOptions);
    }) as unknown as typeof client.queryChannels;
  });

  function listOf(...ids: string[]): ChannelList {
    return new ChannelList(context, loadChannels(client, states(...ids)));
  }

  it('knows from the first page whether there may be more', () => {
    expect(listOf('a', 'b').hasMore).toBe(true);
    expect(listOf('a').hasMore).toBe(false);
  });

  it('moves a listed channel to the top on message.new, in a new array', () => {
    const list = listOf('a', 'b', 'c');
    const before = list.channels;

    newMessage(client, list.channels[2], 'alice', 'hi');
    list.handle({ type: 'message.new', cid: 'messaging:c' });

    expect(cids(list.channels)).toEqual(['c', 'a', 'b']);
    expect(before.map((channel) => channel.id)).toEqual(['a', 'b', 'c']);
    const same = list.channels;
    list.handle({ type: 'message.new', cid: 'messaging:unlisted' });
    expect(list.channels).toBe(same);
  });

  it('publishes a new array, in the same order, when a listed channel changes', () => {
    const list = listOf('a', 'b');
    const before = list.channels;
    list.handle({ type: 'channel.updated', cid: 'messaging:b' });
    expect(list.channels).not.toBe(before);
    expect(list.channels).toEqual(before);
    const after = list.channels;
    list.handle({ type: 'channel.updated', cid: 'messaging:zzz' });
    expect(list.channels).toBe(after);
  });

  it.each(['notification.removed_from_channel', 'channel.deleted', 'notification.channel_deleted'])(
    'removes the channel on %s and says which',
    (type) => {
      const list = listOf('a', 'b');
      const b = list.channels[1];
      expect(list.handle({ type, cid: 'messaging:b' } as never)).toBe(b);
      expect(cids(list.channels)).toEqual(['a']);
      expect(list.handle({ type, cid: 'messaging:b' } as never)).toBeUndefined();
    },
  );

  describe('a channel the user is added to', () => {
    let watch: jest.SpyInstance;

    beforeEach(() => {
      watch = jest.spyOn(Channel.prototype, 'watch').mockImplementation(async function (
        this: Channel,
      ) {
        await Promise.resolve();
        loadChannels(client, [channelState(client, this.id as string, { unread: 1 })]);
        return {} as never;
      });
    });

    afterEach(() => watch.mockRestore());

    const added = (id: string) =>
      ({
        type: 'notification.added_to_channel',
        cid: `messaging:${id}`,
        channel: { id, type: 'messaging', cid: `messaging:${id}` },
      }) as never;

    it('is watched, with presence and a page of messages, then put on top', async () => {
      const list = listOf('a');
      list.handle(added('new'));
      list.handle({ ...(added('new') as object), type: 'notification.message_new' } as never);
      await new Promise((resolve) => setTimeout(resolve));

      expect(watch).toHaveBeenCalledTimes(1);
      expect(watch).toHaveBeenCalledWith({ presence: true, messages: { limit: 25 } });
      expect(cids(list.channels)).toEqual(['new', 'a']);
      expect(context.updates).toBe(1);
    });

    it('is not added when a removal arrives while it is being watched', async () => {
      const list = listOf('a');
      list.handle(added('gone'));
      list.handle({ type: 'notification.removed_from_channel', cid: 'messaging:gone' });
      await new Promise((resolve) => setTimeout(resolve));
      expect(cids(list.channels)).toEqual(['a']);
    });

    it('is reported when it cannot be watched, and not added', async () => {
      watch.mockRejectedValue(new Error('boom'));
      const list = listOf('a');
      list.handle(added('broken'));
      await new Promise((resolve) => setTimeout(resolve));
      expect(cids(list.channels)).toEqual(['a']);
      expect(context.errors).toEqual([expect.any(StreamChatError)]);
    });

    it('changes nothing once the session is over', async () => {
      const list = listOf('a');
      list.handle(added('late'));
      context.disposed = true;
      await new Promise((resolve) => setTimeout(resolve));
      expect(cids(list.channels)).toEqual(['a']);
    });
  });

  describe('loadMore', () => {
    it('appends the next page without duplicates, one request for concurrent calls', async () => {
      const list = listOf('a', 'b');
      pages[2] = states('b', 'c');

      await Promise.all([list.loadMore(), list.loadMore()]);

      expect(queries).toEqual([{ offset: 2, stateOptions: {} }]);
      expect(cids(list.channels)).toEqual(['a', 'b', 'c']);
      expect(list.hasMore).toBe(true);
      expect(context.queryStates).toEqual([{ state: 'in-progress' }, { state: 'success' }]);
    });

    it('keeps the list and reports a typed error when the query fails', async () => {
      const list = listOf('a', 'b');
      const before = list.channels;

      await list.loadMore();

      expect(list.channels).toBe(before);
      expect(context.queryStates.at(-1)).toEqual({
        state: 'error',
        error: expect.any(StreamChatError),
      });
    });

    it('does nothing when there is nothing more', async () => {
      const list = listOf('a');
      await list.loadMore();
      expect(queries).toEqual([]);
      expect(context.queryStates).toEqual([]);
    });
  });

  describe('recover', () => {
    it('re-queries as many channels as are listed and replaces the list', async () => {
      const list = listOf('a', 'b');
      pages[2] = states('c');
      await list.loadMore();
      pages[0] = states('c', 'a');
      pages[2] = states('new');

      await list.recover(undefined);

      expect(queries.slice(1).map((query) => query.offset)).toEqual([0, 2]);
      expect(cids(list.channels)).toEqual(['c', 'a', 'new']);
      expect(list.hasMore).toBe(false);
    });

    it('reloads messages from scratch except the active channel, keeping unsent ones', async () => {
      const list = listOf('a', 'b');
      const [a, b] = list.channels;
      a.state.addMessageSorted(
        { ...a.state.formatMessage(messageFrom('me', 'unsent')), status: 'failed' },
        true,
      );
      b.state.addMessageSorted(messageFrom('alice', 'stale'));
      pages[0] = [
        channelState(client, 'a', { messages: [messageFrom('alice', 'fresh')] }),
        channelState(client, 'b', { messages: [messageFrom('alice', 'fresh-b')] }),
      ];

      await list.recover(b);

      expect(queries[0].stateOptions).toEqual({ skipInitialization: ['b'] });
      expect(a.state.messages.map((m) => [m.text, m.status])).toEqual([
        ['unsent', 'failed'],
        ['fresh', 'received'],
      ]);
      expect(b.state.messages.map((m) => m.text)).toEqual(['stale']);
    });

    it('keeps the list and reports a typed error when the query fails', async () => {
      const list = listOf('a');
      const before = list.channels;
      await list.recover(undefined);
      expect(list.channels).toBe(before);
      expect(context.queryStates.at(-1)).toMatchObject({ state: 'error' });
    });
  });

  it('ignores events without a channel', () => {
    const list = listOf('a');
    const before = list.channels;
    deliver(client, { type: 'health.check' });
    list.handle({ type: 'notification.removed_from_channel' });
    expect(list.channels).toBe(before);
  });
});
