import type { ChannelFilters, ChannelOptions, ChannelSort } from 'stream-chat';
import { StreamChatError, invalidInputError } from './stream-chat-errors';

/**
 * Options of `ChannelService.init()`: the vendor's `ChannelOptions` (`limit`, the page size, 25 by
 * default; `message_limit`, messages per channel, 25 by default; `presence`, on by default;
 * `member_limit`...) plus `activateFirstChannel`.
 */
export interface ChannelListOptions extends ChannelOptions {
  /** Whether the first channel becomes active once the list has loaded; `true` by default. */
  activateFirstChannel?: boolean;
}

/**
 * Where the latest channel query (`init`, `loadMoreChannels`, or the catch-up after a reconnect)
 * stands. `'error'` carries the typed error; the list shown before the query is kept.
 */
export type ChannelQueryState =
  | {
      /** A query is running; the list still shows what the previous one returned. */
      state: 'in-progress';
    }
  | {
      /** The latest query succeeded and the list shows its channels. */
      state: 'success';
    }
  | {
      /** The latest query failed; the list shown before it is kept. */
      state: 'error';
      /** Why it failed. */
      error: StreamChatError;
    };

/** Channels per page when `limit` is not given. */
export const DEFAULT_CHANNEL_PAGE_SIZE = 25;
/** Messages per channel, and per `loadMoreMessages()` page, when `message_limit` is not given. */
export const DEFAULT_MESSAGE_PAGE_SIZE = 25;

/** One channel list query, with defaults applied: what `init()` was called with. */
export interface ChannelQuery {
  filters: ChannelFilters;
  sort: ChannelSort;
  /** The vendor options sent with every page (without `offset`). */
  options: ChannelOptions & { limit: number; message_limit: number };
  /** Whether the first channel becomes active on `init()`. */
  activateFirstChannel: boolean;
}

/** `init()`'s arguments with the defaults applied. */
export function toChannelQuery(
  filters: ChannelFilters,
  sort: ChannelSort,
  options: ChannelListOptions = {},
): ChannelQuery {
  if (filters === null || typeof filters !== 'object' || Array.isArray(filters)) {
    throw invalidInputError(
      `ChannelService.init() needs a filter object, such as { type: 'messaging', members: { $in: [userId] } }; ` +
        `it got ${JSON.stringify(filters)}.`,
    );
  }
  // `offset` belongs to paging, which the list manages itself.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { activateFirstChannel, offset: _offset, ...vendorOptions } = options;
  return {
    filters,
    sort,
    options: {
      presence: true,
      watch: true,
      state: true,
      ...vendorOptions,
      limit: vendorOptions.limit ?? DEFAULT_CHANNEL_PAGE_SIZE,
      message_limit: vendorOptions.message_limit ?? DEFAULT_MESSAGE_PAGE_SIZE,
    },
    activateFirstChannel: activateFirstChannel ?? true,
  };
}
