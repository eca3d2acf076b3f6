import type {
  Channel,
  ChannelFilters,
  ChannelOptions,
  ChannelSort,
  ChannelStateOptions,
  QueryChannelsResponseWithChannels,
  StreamChat,
} from 'stream-chat';
import { offlineClient } from '../../../../../jest/offline-stream-chat';
import { toChannelQuery } from '../channel-query';
import { ChannelPaginator, ChannelQueryType, customPager, queryPager } from './channel-pager';

/** One `queryChannels` call as the fake received it. */
interface QueryCall {
  filters: ChannelFilters;
  sort: ChannelSort | undefined;
  options: ChannelOptions | undefined;
  stateOptions: ChannelStateOptions | undefined;
}

/**
 * A server holding `channels` (in sort order): answers `queryChannels` with the page at the
 * offset, after the `created_at` `$lt` filter when one is given, and records every call.
 */
class FakeQueryServer implements Pick<StreamChat, 'queryChannels'> {
  readonly calls: QueryCall[] = [];
  failNext = false;

  constructor(readonly channels: Channel[]) {}

  queryChannels(
    filters: ChannelFilters,
    sort: ChannelSort,
    options: ChannelOptions,
    stateOptions: ChannelStateOptions & { withResponse: true },
  ): Promise<QueryChannelsResponseWithChannels>;
  queryChannels(
    filters?: ChannelFilters,
    sort?: ChannelSort,
    options?: ChannelOptions,
    stateOptions?: ChannelStateOptions,
  ): Promise<Channel[]>;
  queryChannels(
    filters: ChannelFilters = {},
    sort?: ChannelSort,
    options?: ChannelOptions,
    stateOptions?: ChannelStateOptions,
  ): Promise<Channel[] | QueryChannelsResponseWithChannels> {
    this.calls.push({ filters, sort, options, stateOptions });
    if (stateOptions?.withResponse) {
      return Promise.reject(new Error('the pager never asks for the whole response'));
    }
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('server down'));
    }
    const before = (filters['created_at'] as { $lt?: string } | undefined)?.$lt;
    const matching = this.channels.filter(
      (channel) => before === undefined || (channel.data?.created_at as string) < before,
    );
    const offset = options?.offset ?? 0;
    return Promise.resolve(matching.slice(offset, offset + (options?.limit ?? 10)));
  }
}

const client = offlineClient();
/** Channels created newest first, one second apart. */
const channels = Array.from({ length: 7 }, (_, index) => {
  const channel = client.channel('messaging', `c${index}`);
  channel.data = { created_at: new Date(Date.UTC(2024, 0, 1, 0, 0, 59 - index)).toISOString() };
  return channel;
});
const ids = (list: Channel[]) => list.map((channel) => channel.id);
const query = toChannelQuery({ type: 'messaging' }, { created_at: -1 }, { limit: 3 });
const outside = <T>(work: () => T): T => work();

describe('queryPager', () => {
  it('pages by offset with the query, growing the list, until a short page', async () => {
    const server = new FakeQueryServer(channels);
    const pager = queryPager(server, query, outside, () => undefined);
    const first = await pager.query('first-page', []);
    expect(ids(first.channels)).toEqual(['c0', 'c1', 'c2']);
    expect(first.hasMorePage).toBe(true);
    const second = await pager.query('next-page', first.channels);
    expect(ids(second.channels)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
    const third = await pager.query('next-page', second.channels);
    expect(ids(third.channels)).toEqual(ids(channels));
    expect(third.hasMorePage).toBe(false);
    expect(server.calls.map((call) => call.options?.offset)).toEqual([0, 3, 6]);
    expect(server.calls[0]).toEqual({
      filters: { type: 'messaging' },
      sort: { created_at: -1 },
      options: { ...query.options, offset: 0 },
      stateOptions: {},
    });
  });

  it("pages with the app's paginator: its filters join the query's, at offset 0", async () => {
    const server = new FakeQueryServer(channels);
    const paginator: ChannelPaginator = (page) => ({
      type: 'filter',
      paginationFilter: { created_at: { $lt: page.at(-1)?.data?.created_at as string } },
    });
    const pager = queryPager(server, query, outside, () => paginator);
    const first = await pager.query('first-page', []);
    const second = await pager.query('next-page', first.channels);
    expect(ids(second.channels)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
    expect(server.calls[1].filters).toEqual({
      type: 'messaging',
      created_at: { $lt: channels[2].data?.created_at },
    });
    expect(server.calls[1].options?.offset).toBe(0);
  });

  it('never lists a channel twice when a page repeats one', async () => {
    const server = new FakeQueryServer(channels);
    const pager = queryPager(server, query, outside, () => () => ({ type: 'offset', offset: 2 }));
    const first = await pager.query('first-page', []);
    const second = await pager.query('next-page', first.channels);
    expect(ids(second.channels)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
  });

  it('recovers as many channels as are listed, from the start, skipping the given ones', async () => {
    const server = new FakeQueryServer(channels);
    const pager = queryPager(server, query, outside, () => undefined);
    const first = await pager.query('first-page', []);
    const listed = (await pager.query('next-page', first.channels)).channels;
    server.calls.length = 0;
    const recovered = await pager.query('recover-state', listed, ['c1']);
    expect(ids(recovered.channels)).toEqual(ids(listed));
    expect(recovered.hasMorePage).toBe(true);
    expect(server.calls.map((call) => call.options?.offset)).toEqual([0, 3]);
    expect(server.calls.map((call) => call.stateOptions)).toEqual([
      { skipInitialization: ['c1'] },
      { skipInitialization: ['c1'] },
    ]);
    // Paging goes on after the recovered list.
    expect(ids((await pager.query('next-page', recovered.channels)).channels)).toEqual(
      ids(channels),
    );
  });

  it('rejects with the server error and pages from the same place on the next call', async () => {
    const server = new FakeQueryServer(channels);
    const pager = queryPager(server, query, outside, () => undefined);
    const first = await pager.query('first-page', []);
    server.failNext = true;
    await expect(pager.query('next-page', first.channels)).rejects.toThrow('server down');
    expect(ids((await pager.query('next-page', first.channels)).channels)).toEqual(
      ids(channels.slice(0, 6)),
    );
  });

  it('runs the query through `outside`', async () => {
    const server = new FakeQueryServer(channels);
    let outsideCalls = 0;
    const counting = <T>(work: () => T): T => {
      outsideCalls++;
      return work();
    };
    await queryPager(server, query, counting, () => undefined).query('first-page', []);
    expect(outsideCalls).toBe(1);
  });
});

describe('customPager', () => {
  it("hands the page type to the app's query and returns its answer as is", async () => {
    const asked: ChannelQueryType[] = [];
    const pager = customPager((type) => {
      asked.push(type);
      return Promise.resolve({
        channels: channels.slice(0, 2),
        hasMorePage: type === 'first-page',
      });
    });
    expect(await pager.query('first-page', [])).toEqual({
      channels: channels.slice(0, 2),
      hasMorePage: true,
    });
    await pager.query('next-page', channels.slice(0, 2));
    await pager.query('recover-state', channels.slice(0, 2), ['c0']);
    expect(asked).toEqual(['first-page', 'next-page', 'recover-state']);
  });

  it("rejects with the app's error", async () => {
    const failure = new Error('backend down');
    await expect(customPager(() => Promise.reject(failure)).query('first-page', [])).rejects.toBe(
      failure,
    );
  });
});
