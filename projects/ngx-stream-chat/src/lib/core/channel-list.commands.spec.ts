import { Channel, ChannelAPIResponse, ChannelStateOptions, EventTypes } from 'stream-chat';
import {
  channelState,
  deliver,
  loadChannels,
  messageFrom,
  newMessage,
  offlineClient,
} from '../../../../../jest/offline-stream-chat';
import { StoreProbe, nextFrame, settle } from '../../../../../jest/session-store-probe';
import { toChannelQuery } from '../channel-query';
import { StreamChatError } from '../stream-chat-errors';
import { ChannelListCommands, channelListSlice } from './channel-list.slice';
import { queryPager } from './channel-pager';

/**
 * The channel list's commands and effects, in a real session store whose pager queries a stubbed
 * `client.queryChannels`. How events reorder the list is `reduceChannelList`'s spec.
 */
describe('channelListSlice commands', () => {
  let client: ReturnType<typeof offlineClient>;
  let probe: StoreProbe;
  let list: ChannelListCommands;
  /** What the stubbed server answers to `queryChannels`, by offset. */
  let pages: Record<number, ChannelAPIResponse[]>;
  let queries: { offset: number; stateOptions: ChannelStateOptions }[];

  const ids = (channels: Channel[] | undefined) => channels?.map((channel) => channel.id);
  const states = (...names: string[]) => names.map((name) => channelState(client, name));
  const listed = () => ids(probe.state.channels);
  /** The query states published after the start (the list publishes it with every change). */
  const queryStates = () =>
    probe
      .values('channelQueryState', 1)
      .filter((state, index, all) => index === 0 || state !== all[index - 1]);

  beforeEach(() => {
    client = offlineClient('me');
    pages = {};
    queries = [];
    jest
      .spyOn(client, 'queryChannels')
      .mockImplementation(async (_filters, _sort, options, stateOptions) => {
        const offset = options?.offset ?? 0;
        queries.push({ offset, stateOptions: stateOptions ?? {} });
        if (!(offset in pages)) throw new Error('no such page');
        return client.hydrateActiveChannels(pages[offset], stateOptions);
      });
  });

  afterEach(() => probe.dispose());

  /** Starts the session as `init()` does, with two channels per page; the first page is `names`. */
  async function start(...names: string[]): Promise<Channel[]> {
    const options = { limit: 2 };
    const pager = queryPager(
      client,
      toChannelQuery({}, {}, options),
      (work) => work(),
      () => undefined,
    );
    pages[0] = states(...names);
    const first = await pager.query('first-page', []);
    probe = new StoreProbe(client, {
      options,
      firstPage: first.channels,
      hasMoreChannels: first.hasMorePage,
      pager,
    });
    list = probe.commands(channelListSlice);
    queries = [];
    return first.channels;
  }

  it('starts with the first page, and says whether there may be more', async () => {
    await start('a', 'b');
    expect(listed()).toEqual(['a', 'b']);
    expect(probe.state.hasMoreChannels).toBe(true);
    expect(probe.state.channelQueryState).toEqual({ state: 'success' });
    probe.dispose();

    await start('a');
    expect(probe.state.hasMoreChannels).toBe(false);
  });

  describe('client events, on the next frame', () => {
    it('raise a listed channel with a new message, in a new array', async () => {
      const [, , c] = await start('a', 'b', 'c');
      const before = probe.state.channels;

      newMessage(client, c, 'alice', 'hi');
      expect(probe.state.channels).toBe(before);
      await nextFrame();

      expect(listed()).toEqual(['c', 'a', 'b']);
      expect(ids(before)).toEqual(['a', 'b', 'c']);
    });

    it('publish a new array, in the same order, when a listed channel changes', async () => {
      const [, b] = await start('a', 'b');
      const before = probe.state.channels;
      deliver(client, {
        type: 'channel.updated',
        cid: b.cid,
        channel: { ...b.data, name: 'B' } as never,
      });
      await nextFrame();
      expect(probe.state.channels).not.toBe(before);
      expect(probe.state.channels).toEqual(before);

      const mark = probe.mark();
      deliver(client, { type: 'channel.updated', cid: 'messaging:zzz' });
      await nextFrame();
      expect(probe.values('channels', mark)).toEqual([]);
    });

    it.each<EventTypes>([
      'notification.removed_from_channel',
      'channel.deleted',
      'notification.channel_deleted',
      'channel.hidden',
    ])('remove the channel on %s', async (type) => {
      const [, b] = await start('a', 'b');
      deliver(client, { type, cid: b.cid });
      await nextFrame();
      expect(listed()).toEqual(['a']);
    });

    it('change nothing when they name no channel', async () => {
      await start('a');
      const mark = probe.mark();
      deliver(client, { type: 'health.check' });
      deliver(client, { type: 'notification.removed_from_channel' });
      await nextFrame();
      expect(probe.values('channels', mark)).toEqual([]);
    });
  });

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

    const added = (id: string, type: EventTypes = 'notification.added_to_channel') => ({
      type,
      cid: `messaging:${id}`,
      channel: { id, type: 'messaging', cid: `messaging:${id}` } as never,
    });

    it('is watched, with presence and a page of messages, then put on top', async () => {
      await start('a');
      const mark = probe.mark();
      deliver(client, added('new'));
      deliver(client, added('new', 'notification.message_new'));
      await settle();

      expect(watch).toHaveBeenCalledTimes(1);
      expect(watch).toHaveBeenCalledWith({ presence: true, messages: { limit: 25 } });
      expect(watch.mock.contexts[0]).toBe(client.activeChannels['messaging:new']);
      expect(listed()).toEqual(['new', 'a']);
      expect(probe.values('channels', mark)).toHaveLength(1);
    });

    it('joins the same way when it becomes visible again', async () => {
      await start('a');
      deliver(client, added('back', 'channel.visible'));
      await settle();
      expect(listed()).toEqual(['back', 'a']);
    });

    it('is raised, not watched again, when it is listed already', async () => {
      const [, b] = await start('a', 'b');
      deliver(client, added('b', 'notification.message_new'));
      await settle();
      expect(watch).not.toHaveBeenCalled();
      expect(listed()).toEqual(['b', 'a']);
      expect(probe.state.channels?.[0]).toBe(b);
    });

    it('is not added when a removal arrives while it is being watched', async () => {
      await start('a');
      deliver(client, added('gone'));
      deliver(client, { type: 'notification.removed_from_channel', cid: 'messaging:gone' });
      await settle();
      expect(listed()).toEqual(['a']);
    });

    it('is reported when it cannot be watched, and not added', async () => {
      watch.mockRejectedValue(new Error('boom'));
      await start('a');
      deliver(client, added('broken'));
      await settle();
      expect(listed()).toEqual(['a']);
      expect(probe.errors).toEqual([expect.any(StreamChatError)]);
    });

    it('changes nothing once the session is over', async () => {
      await start('a');
      deliver(client, added('late'));
      probe.dispose();
      await settle();
      expect(probe.store.get(channelListSlice).channels.map((c) => c.id)).toEqual(['a']);
      expect(listed()).toEqual(['a']);
    });
  });

  describe('loadMore', () => {
    it('appends the next page without duplicates, one request for concurrent calls', async () => {
      await start('a', 'b');
      pages[2] = states('b', 'c');

      await Promise.all([list.loadMore(), list.loadMore()]);

      expect(queries).toEqual([{ offset: 2, stateOptions: {} }]);
      expect(listed()).toEqual(['a', 'b', 'c']);
      expect(probe.state.hasMoreChannels).toBe(true);
      expect(queryStates()).toEqual([{ state: 'in-progress' }, { state: 'success' }]);
    });

    it('keeps the list and reports a typed error when the query fails', async () => {
      await start('a', 'b');
      const before = probe.state.channels;

      await expect(list.loadMore()).resolves.toBeUndefined();

      expect(probe.state.channels).toBe(before);
      expect(probe.state.channelQueryState).toEqual({
        state: 'error',
        error: expect.any(StreamChatError),
      });
    });

    it('does nothing when there is nothing more', async () => {
      await start('a');
      await list.loadMore();
      expect(queries).toEqual([]);
      expect(queryStates()).toEqual([]);
    });

    it('stops once a page comes back short', async () => {
      await start('a', 'b');
      pages[2] = states('c');
      await list.loadMore();
      expect(probe.state.hasMoreChannels).toBe(false);
      await list.loadMore();
      expect(queries).toHaveLength(1);
    });
  });

  describe('recover', () => {
    it('re-queries as many channels as are listed and replaces the list', async () => {
      await start('a', 'b');
      pages[2] = states('c');
      await list.loadMore();
      pages[0] = states('c', 'a');
      pages[2] = states('new');

      await list.recover(undefined);

      expect(queries.slice(1).map((query) => query.offset)).toEqual([0, 2]);
      expect(listed()).toEqual(['c', 'a', 'new']);
      expect(probe.state.hasMoreChannels).toBe(false);
      expect(probe.state.channelQueryState).toEqual({ state: 'success' });
    });

    it('waits for a page being loaded before it starts', async () => {
      await start('a', 'b');
      pages[2] = states('c');
      const loading = list.loadMore();
      pages[0] = states('a', 'b');
      await list.recover(undefined);
      await loading;
      expect(queries.map((query) => query.offset)).toEqual([2, 0, 2]);
      expect(listed()).toEqual(['a', 'b', 'c']);
    });

    it('reloads messages from scratch except the active channel, keeping unsent ones', async () => {
      const [a, b] = await start('a', 'b');
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
      await start('a');
      const before = probe.state.channels;
      delete pages[0];
      await list.recover(undefined);
      expect(probe.state.channels).toBe(before);
      expect(probe.state.channelQueryState).toEqual({
        state: 'error',
        error: expect.any(StreamChatError),
      });
    });
  });

  describe('add, remove and set', () => {
    let stopWatching: jest.SpyInstance;

    beforeEach(() => {
      stopWatching = jest.spyOn(Channel.prototype, 'stopWatching').mockResolvedValue({} as never);
    });

    afterEach(() => stopWatching.mockRestore());

    it('puts a channel on top once, and takes it off, stopping to watch it when asked', async () => {
      const [a] = await start('a', 'b');
      const [c] = loadChannels(client, states('c'));
      list.add(c);
      list.add(c);
      expect(listed()).toEqual(['c', 'a', 'b']);

      list.remove(c.cid, false);
      list.remove(a.cid, true);
      expect(listed()).toEqual(['b']);
      expect(stopWatching.mock.contexts).toEqual([a]);
    });

    it('replaces the list, stopping to watch the channels it drops when asked', async () => {
      const [a, b] = await start('a', 'b');
      const [c] = loadChannels(client, states('c'));
      list.set([c, a], true);
      expect(listed()).toEqual(['c', 'a']);
      expect(stopWatching.mock.contexts).toEqual([b]);
      list.set([a], false);
      expect(stopWatching).toHaveBeenCalledTimes(1);
    });

    it('reports a failure to stop watching', async () => {
      stopWatching.mockRejectedValue(new Error('offline'));
      const [a] = await start('a', 'b');
      list.remove(a.cid, true);
      await settle();
      expect(probe.errors).toEqual([expect.any(StreamChatError)]);
    });
  });
});
