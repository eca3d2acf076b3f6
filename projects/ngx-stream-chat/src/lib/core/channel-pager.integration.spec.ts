import type { Channel } from 'stream-chat';
import {
  ChannelQueryResult,
  ChannelQueryType,
  StreamChatError,
  isStreamChatError,
} from 'ngx-stream-chat';
import { useChannelServiceFixture } from '../../../../../jest/channel-service-fixture';
import { createChannels } from '../../../../../jest/peer-channels';
import { poll } from '../../../../stream-chat-emulator/test/poll';

const cids = (channels: Channel[] | undefined) => channels?.map((channel) => channel.cid);

describe('ChannelService custom queries and paginators against the emulator', () => {
  const fixture = useChannelServiceFixture();

  /** Bob and five channels alice made with him, listed newest first by the server. */
  async function fiveChannels() {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const created = await createChannels(alice, 5, [bob], 'paged');
    const newestFirst = await alice.queryChannels(
      { members: { $in: [bob] } },
      { created_at: -1 },
      { watch: false, limit: 10 },
    );
    return { bob, alice, created, order: cids(newestFirst)! };
  }

  /** The app's own query: bob's channels two a page, by offset, recording what it was asked. */
  function twoAPage(bob: string, asked: ChannelQueryType[]) {
    let loaded: Channel[] = [];
    return async (type: ChannelQueryType): Promise<ChannelQueryResult> => {
      asked.push(type);
      const offset = type === 'next-page' ? loaded.length : 0;
      const page = await fixture.chat.chatClient!.queryChannels(
        { members: { $in: [bob] } },
        { created_at: -1 },
        { limit: 2, offset },
      );
      loaded = type === 'next-page' ? [...loaded, ...page] : page;
      return { channels: loaded, hasMorePage: page.length === 2 };
    };
  }

  it('lists with the app query, pages with it, activates the first channel, and stays live', async () => {
    const { bob, created, order } = await fiveChannels();
    const asked: ChannelQueryType[] = [];

    const first = await fixture.service.initWithCustomQuery(twoAPage(bob, asked));

    expect(cids(first)).toEqual(order.slice(0, 2));
    expect(cids(fixture.service.channels())).toEqual(order.slice(0, 2));
    expect(fixture.service.activeChannel()?.cid).toBe(order[0]);
    expect(fixture.service.hasMoreChannels()).toBe(true);
    await fixture.service.loadMoreChannels();
    await fixture.service.loadMoreChannels();
    expect(cids(fixture.service.channels())).toEqual(order);
    expect(fixture.service.hasMoreChannels()).toBe(false);
    expect(fixture.service.channelQueryState()).toEqual({ state: 'success' });
    expect(asked).toEqual(['first-page', 'next-page', 'next-page']);

    const last = created.find((channel) => channel.cid === order[4])!;
    await last.sendMessage({ text: 'to the top' });
    await poll(() => fixture.service.channels()?.[0]?.cid === last.cid, {
      description: 'the channel with a new message on top',
    });
  });

  it('a custom query that rejects rejects typed, publishes the error, lists nothing; the next call works', async () => {
    const { bob, order } = await fiveChannels();
    const failure = new Error('backend down');

    const error: unknown = await fixture.service
      .initWithCustomQuery(() => Promise.reject(failure))
      .catch((reason: unknown) => reason);

    expect(isStreamChatError(error)).toBe(true);
    expect((error as StreamChatError).kind).toBe('unknown');
    expect((error as StreamChatError).cause).toBe(failure);
    expect(fixture.service.channelQueryState()).toEqual({ state: 'error', error });
    expect(fixture.service.channels()).toBeUndefined();
    expect(fixture.service.activeChannel()).toBeUndefined();

    const asked: ChannelQueryType[] = [];
    await fixture.service.initWithCustomQuery(twoAPage(bob, asked), {
      shouldSetActiveChannel: false,
      messagePageSize: 3,
    });
    expect(cids(fixture.service.channels())).toEqual(order.slice(0, 2));
    expect(fixture.service.activeChannel()).toBeUndefined();
    expect(fixture.service.channelQueryState()).toEqual({ state: 'success' });
  });

  it('a next page that fails is published typed, keeps the list, and the next attempt pages on', async () => {
    const { bob, order } = await fiveChannels();
    const asked: ChannelQueryType[] = [];
    const query = twoAPage(bob, asked);
    let failNext = false;
    await fixture.service.initWithCustomQuery((type) => {
      if (!failNext || type !== 'next-page') return query(type);
      failNext = false;
      return Promise.reject(new Error('page refused'));
    });
    const before = fixture.service.channels();
    failNext = true;

    await fixture.service.loadMoreChannels();

    const state = fixture.service.channelQueryState();
    expect(state?.state).toBe('error');
    expect(state?.state === 'error' && state.error.message).toContain('page refused');
    expect(fixture.service.channels()).toBe(before);
    await fixture.service.loadMoreChannels();
    expect(cids(fixture.service.channels())).toEqual(order.slice(0, 4));
    expect(fixture.service.channelQueryState()).toEqual({ state: 'success' });
  });

  it("init() pages with the app's customPaginator: filter pages, no channel twice", async () => {
    const { bob, order } = await fiveChannels();
    const pages: string[][] = [];
    fixture.service.customPaginator = (page) => {
      pages.push(cids(page)!);
      return {
        type: 'filter',
        paginationFilter: { created_at: { $lt: page.at(-1)?.data?.created_at as string } },
      };
    };

    await fixture.service.init({ members: { $in: [bob] } }, { created_at: -1 }, { limit: 2 });
    while (fixture.service.hasMoreChannels()) await fixture.service.loadMoreChannels();

    expect(cids(fixture.service.channels())).toEqual(order);
    expect(pages).toEqual([order.slice(0, 2), order.slice(2, 4), order.slice(4)]);

    // Unset, init() pages by offset again.
    fixture.service.customPaginator = undefined;
    await fixture.service.init({ members: { $in: [bob] } }, { created_at: -1 }, { limit: 2 });
    await fixture.service.loadMoreChannels();
    expect(cids(fixture.service.channels())).toEqual(order.slice(0, 4));
    expect(pages).toHaveLength(3);
  });
});
