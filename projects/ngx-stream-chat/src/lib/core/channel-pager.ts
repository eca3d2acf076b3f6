import type { Channel, ChannelFilters, StreamChat } from 'stream-chat';
import type { ChannelQuery } from '../channel-query';

/** Which page a channel query asks for, as the vendor names them. */
export type ChannelQueryType = 'first-page' | 'next-page' | 'recover-state';

/** A channel query's answer: the whole list so far, and whether there is more. */
export interface ChannelQueryResult {
  /** The channels, in order: the whole list after this page, not just the page. */
  channels: Channel[];
  /** Whether another page may follow. */
  hasMorePage: boolean;
}

/** The next page starts after this many channels. */
export interface OffsetPageConfiguration {
  /** Paging by offset. */
  type: 'offset';
  /** How many channels to skip. */
  offset: number;
}

/** The next page is the query's filters plus these, e.g. `{ last_message_at: { $lt: date } }`. */
export interface FilterPageConfiguration {
  /** Paging by filter. */
  type: 'filter';
  /** The filters added to the query's own. */
  paginationFilter: ChannelFilters;
}

/** Where the next page starts: an offset, or extra filters. */
export type NextPageConfiguration = OffsetPageConfiguration | FilterPageConfiguration;

/** Decides the next page from the channels of the page just loaded. */
export type ChannelPaginator = (channelQueryResult: Channel[]) => NextPageConfiguration;

/** Loads pages of the channel list, as `init()` or `initWithCustomQuery()` set it up. */
export interface ChannelPager {
  /**
   * Runs the query for a page; `current` is the list shown now, and `skipInitialization` names
   * channels whose loaded state a recovery must leave alone (the active one catches up itself).
   */
  query(
    type: ChannelQueryType,
    current: Channel[],
    skipInitialization?: string[],
  ): Promise<ChannelQueryResult>;
}

/** The app's own query, as `initWithCustomQuery()` takes it. */
export function customPager(
  query: (queryType: ChannelQueryType) => Promise<ChannelQueryResult>,
): ChannelPager {
  return { query: (type) => query(type) };
}

/** Most pages the catch-up after a reconnect re-queries. */
const MAX_RECOVERY_PAGES = 40;

/**
 * The default pager: `queryChannels` with the query's filters, sort and options, paged by offset
 * or by the app's `customPaginator`. Recovery re-queries as many channels as are listed.
 */
export function queryPager(
  client: Pick<StreamChat, 'queryChannels'>,
  query: ChannelQuery,
  outside: <T>(work: () => T) => T,
  paginator: () => ChannelPaginator | undefined,
): ChannelPager {
  let next: NextPageConfiguration | undefined;

  async function page(skipInitialization: string[]): Promise<Channel[]> {
    const filters =
      next?.type === 'filter' ? { ...query.filters, ...next.paginationFilter } : query.filters;
    const offset = next?.type === 'offset' ? next.offset : 0;
    const stateOptions = skipInitialization.length > 0 ? { skipInitialization } : {};
    const channels = await outside(() =>
      client.queryChannels(filters, query.sort, { ...query.options, offset }, stateOptions),
    );
    const custom = paginator();
    next = custom
      ? custom(channels)
      : { type: 'offset', offset: (next?.type === 'offset' ? next.offset : 0) + channels.length };
    return channels;
  }

  const full = (channels: Channel[]) => channels.length >= query.options.limit;

  return {
    async query(type, current, skipInitialization = []) {
      if (type === 'next-page') {
        const channels = await page([]);
        return { channels: appendNew(current, channels), hasMorePage: full(channels) };
      }
      next = undefined;
      if (type === 'first-page') {
        const channels = await page([]);
        return { channels, hasMorePage: full(channels) };
      }
      const wanted = Math.max(current.length, query.options.limit);
      let fresh: Channel[] = [];
      let more = true;
      for (let pages = 0; more && fresh.length < wanted && pages < MAX_RECOVERY_PAGES; pages++) {
        const channels = await page(skipInitialization);
        fresh = appendNew(fresh, channels);
        more = full(channels);
      }
      return { channels: fresh, hasMorePage: more };
    },
  };
}

/** `channels` followed by the channels of `page` it does not hold yet. */
export function appendNew(channels: Channel[], page: Channel[]): Channel[] {
  const known = new Set(channels.map((channel) => channel.cid));
  return [...channels, ...page.filter((channel) => !known.has(channel.cid))];
}
