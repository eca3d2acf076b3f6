import type {
  Channel,
  ChannelStateOptions,
  LocalMessage,
  Event as StreamEvent,
  EventTypes,
  StreamChat,
} from 'stream-chat';
import { ChannelOrder } from './channel-order';
import type { ChannelQuery } from './channel-query';
import type { SessionContext } from './session-context';
import { fromVendorError } from './vendor-error';

/** The client events the list follows. */
export const CHANNEL_LIST_EVENTS: ReadonlySet<string> = new Set<EventTypes>([
  'message.new',
  'message.updated',
  'message.deleted',
  'notification.message_new',
  'notification.added_to_channel',
  'notification.removed_from_channel',
  'notification.channel_deleted',
  'channel.deleted',
  'channel.updated',
  'channel.truncated',
]);

/** Events after which a listed channel looks different (name, last message...). */
const CHANNEL_CHANGE_EVENTS = new Set([
  'message.updated',
  'message.deleted',
  'channel.updated',
  'channel.truncated',
]);
/** Events after which the user no longer sees the channel. */
export const CHANNEL_REMOVAL_EVENTS: ReadonlySet<string> = new Set([
  'notification.removed_from_channel',
  'notification.channel_deleted',
  'channel.deleted',
]);
/** Events about a channel the user may not watch yet, which joins the list. */
const ADDITION_EVENTS = new Set(['notification.message_new', 'notification.added_to_channel']);

/** Most pages the catch-up after a reconnect re-queries. */
const MAX_RECOVERY_PAGES = 40;

/** One page of channels: queried and watched, with their state loaded into the client. */
export function queryChannelPage(
  client: StreamChat,
  query: ChannelQuery,
  offset: number,
  outside: SessionContext['outside'],
  stateOptions: ChannelStateOptions = {},
): Promise<Channel[]> {
  return outside(() =>
    client.queryChannels(query.filters, query.sort, { ...query.options, offset }, stateOptions),
  );
}

/** Messages of the channels that the server does not have: being sent, or failed. */
function localMessagesOf(channels: Channel[]): Map<Channel, LocalMessage[]> {
  const local = new Map<Channel, LocalMessage[]>();
  for (const channel of channels) {
    const messages = channel.state.messages.filter(
      (message) => message.status === 'sending' || message.status === 'failed',
    );
    if (messages.length > 0) local.set(channel, messages);
  }
  return local;
}

/** `channels` followed by the channels of `page` it does not hold yet. */
function appendNew(channels: Channel[], page: Channel[]): Channel[] {
  const known = new Set(channels.map((channel) => channel.cid));
  return [...channels, ...page.filter((channel) => !known.has(channel.cid))];
}

/**
 * The channel list of one session: its order, paging and live updates. Never mutates an array it
 * has handed out: each change yields a new array when the list is next read, so each version can
 * be published as it is.
 */
export class ChannelList {
  private readonly order: ChannelOrder;
  private more: boolean;
  private loading: Promise<void> | undefined;
  /** Channels being watched after a notification, by cid, until they join the list. */
  private readonly joining = new Set<string>();

  constructor(
    private readonly context: SessionContext,
    firstPage: Channel[],
  ) {
    this.order = new ChannelOrder(firstPage);
    this.more = firstPage.length >= context.query.options.limit;
  }

  /** The listed channels, in order. */
  get channels(): Channel[] {
    return this.order.channels;
  }

  /** Increases whenever a channel joins or leaves the list (not when the order changes). */
  get membership(): number {
    return this.order.membership;
  }

  /** The listed channel with this cid, if any. */
  find(cid: string | undefined): Channel | undefined {
    return this.order.find(cid);
  }

  /** Whether the server may hold more channels for the query. */
  get hasMore(): boolean {
    return this.more;
  }

  /** Whether the channel with this cid is listed. */
  has(cid: string | undefined): boolean {
    return this.order.find(cid) !== undefined;
  }

  /**
   * Loads the next page and appends the channels not listed yet; resolves at once when there is
   * none. Concurrent calls share one request. A failure keeps the list and is reported through the query state.
   */
  loadMore(): Promise<void> {
    if (!this.more && !this.loading) {
      return Promise.resolve();
    }
    this.loading ??= this.runQuery(async () => {
      const page = await queryChannelPage(
        this.context.client,
        this.context.query,
        this.channels.length,
        (work) => this.context.outside(work),
      );
      if (!this.context.disposed) {
        this.order.replace(appendNew(this.channels, page));
        this.more = page.length >= this.context.query.options.limit;
      }
    }, 'loadMoreChannels()').finally(() => (this.loading = undefined));
    return this.loading;
  }

  /**
   * Re-queries as many channels as are listed, page by page, and replaces the list with the
   * answer: channels that changed while the connection was down move, appear or disappear.
   * Their messages are reloaded from scratch (so a long outage leaves no gap), keeping messages
   * that are being sent or failed; the `active` channel is left to its own catch-up.
   */
  async recover(active: Channel | undefined): Promise<void> {
    await this.loading;
    await this.runQuery(async () => {
      const { limit } = this.context.query.options;
      const wanted = Math.max(this.channels.length, limit);
      const local = localMessagesOf(this.channels.filter((channel) => channel !== active));
      const stateOptions = { skipInitialization: active?.id ? [active.id] : [] };
      let fresh: Channel[] = [];
      let offset = 0;
      let more = true;
      for (let pages = 0; more && offset < wanted && pages < MAX_RECOVERY_PAGES; pages++) {
        const page = await queryChannelPage(
          this.context.client,
          this.context.query,
          offset,
          (work) => this.context.outside(work),
          stateOptions,
        );
        fresh = appendNew(fresh, page);
        offset += page.length;
        more = page.length >= limit;
      }
      for (const [channel, messages] of local) {
        messages.forEach((message) => channel.state.addMessageSorted(message, true));
      }
      if (!this.context.disposed) {
        this.order.replace(fresh);
        this.more = more;
      }
    }, 'catching up after a reconnect');
  }

  /**
   * Applies a client event to the list: `message.new` moves its channel to the top, notifications
   * add (and watch) or remove channels, updates re-publish the list.
   * @returns the channel the event removed from the list, if any.
   */
  handle(event: StreamEvent): Channel | undefined {
    const cid = event.cid ?? event.channel?.cid;
    if (event.type === 'message.new') {
      this.order.raise(cid);
    } else if (ADDITION_EVENTS.has(event.type)) {
      void this.join(event);
    } else if (CHANNEL_REMOVAL_EVENTS.has(event.type)) {
      return this.remove(cid);
    } else if (CHANNEL_CHANGE_EVENTS.has(event.type)) {
      this.order.touch(cid);
    }
    return undefined;
  }

  private remove(cid: string | undefined): Channel | undefined {
    if (cid === undefined) {
      return undefined;
    }
    this.joining.delete(cid);
    const channel = this.order.find(cid);
    if (channel) {
      this.order.replace(this.channels.filter((item) => item !== channel));
    }
    return channel;
  }

  /** Watches a channel the user was added to, or got a message in, and puts it on top. */
  private async join(event: StreamEvent): Promise<void> {
    const type = event.channel?.type ?? event.channel_type;
    const id = event.channel?.id ?? event.channel_id;
    const cid = `${type}:${id}`;
    if (!type || !id || this.has(cid) || this.joining.has(cid)) {
      this.order.raise(cid);
      return;
    }
    this.joining.add(cid);
    try {
      const channel = this.context.client.channel(type, id);
      const { presence, message_limit } = this.context.query.options;
      await this.context.outside(() =>
        channel.watch({ presence, messages: { limit: message_limit } }),
      );
      // A removal that arrived meanwhile took the cid out of `joining`.
      if (!this.context.disposed && this.joining.has(cid) && !this.has(cid)) {
        this.order.replace([channel, ...this.channels]);
        this.context.updateNow();
      }
    } catch (error) {
      this.context.reportError(fromVendorError(error, `Watching channel ${cid}`));
    } finally {
      this.joining.delete(cid);
    }
  }

  private async runQuery(query: () => Promise<void>, during: string): Promise<void> {
    this.context.setQueryState({ state: 'in-progress' });
    try {
      await query();
      this.context.setQueryState({ state: 'success' });
    } catch (error) {
      this.context.setQueryState({
        state: 'error',
        error: fromVendorError(error, `ChannelService ${during}`),
      });
    }
  }
}
