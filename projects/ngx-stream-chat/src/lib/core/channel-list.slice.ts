import type { Channel, ChannelStateOptions, Event as StreamEvent, EventTypes } from 'stream-chat';
import type { ChannelQuery, ChannelQueryState } from '../channel-query';
import { ChatEvent, SessionInfo, SliceContext, defineSlice } from '../store/chat-slice';
import { fromVendorError } from '../vendor-error';

/** Events after which the user no longer sees the channel. */
export const CHANNEL_REMOVAL_EVENTS: ReadonlySet<string> = new Set<EventTypes>([
  'notification.removed_from_channel',
  'notification.channel_deleted',
  'channel.deleted',
]);
/** Events after which a listed channel looks different (name, last message...). */
const CHANNEL_CHANGE_EVENTS: ReadonlySet<string> = new Set<EventTypes>([
  'message.updated',
  'message.deleted',
  'channel.updated',
  'channel.truncated',
  'channel.hidden',
  'channel.visible',
  'reaction.new',
  'reaction.deleted',
]);
/** Events about a channel the user may not watch yet, which joins the list. */
const ADDITION_EVENTS: ReadonlySet<string> = new Set<EventTypes>([
  'notification.message_new',
  'notification.added_to_channel',
]);

/** Most pages the catch-up after a reconnect re-queries. */
const MAX_RECOVERY_PAGES = 40;

/** The channel list of one session. */
export interface ChannelListState {
  /** The listed channels, in order. */
  readonly channels: Channel[];
  /** The listed channels by cid; a new map whenever a channel joins or leaves. */
  readonly byCid: ReadonlyMap<string, Channel>;
  /** Whether the server may hold more channels for the query. */
  readonly hasMore: boolean;
  /** Where the latest query stands. */
  readonly queryState: ChannelQueryState;
}

/** The list's commands. */
export interface ChannelListCommands {
  /** Loads the next page and appends the channels not listed yet. Never rejects. */
  loadMore(): Promise<void>;
  /** Re-queries the list after a reconnect, keeping `active`'s state for its own catch-up. */
  recover(active: Channel | undefined): Promise<void>;
  /** Puts a watched channel on top of the list, if it is not listed. */
  add(channel: Channel): void;
  /** Takes the channel off the list, and stops watching it when asked. */
  remove(cid: string, stopWatching: boolean): void;
}

/** One page of channels: queried and watched, with their state loaded into the client. */
export function queryChannelPage(
  session: Pick<SessionInfo, 'client'>,
  query: ChannelQuery,
  offset: number,
  outside: <T>(work: () => T) => T,
  stateOptions: ChannelStateOptions = {},
): Promise<Channel[]> {
  return outside(() =>
    session.client.queryChannels(
      query.filters,
      query.sort,
      { ...query.options, offset },
      stateOptions,
    ),
  );
}

function indexOf(channels: readonly Channel[]): ReadonlyMap<string, Channel> {
  return new Map(channels.map((channel) => [channel.cid, channel]));
}

/** `channels` followed by the channels of `page` it does not hold yet. */
function appendNew(channels: Channel[], page: Channel[]): Channel[] {
  const known = new Set(channels.map((channel) => channel.cid));
  return [...channels, ...page.filter((channel) => !known.has(channel.cid))];
}

function cidOf(event: ChatEvent): string | undefined {
  return event.cid ?? (event as StreamEvent).channel?.cid;
}

/**
 * `channels` with the listed channels of `raised` on top, the last raised first. Found by identity
 * with the array's own search and moved with splice: a frame raises a few of hundreds of channels,
 * and this is about 2.5 times faster than filtering every channel through a set of cids.
 */
function raise(
  channels: Channel[],
  raised: ReadonlySet<string>,
  byCid: ReadonlyMap<string, Channel>,
): Channel[] {
  const rest = channels.slice();
  const top: Channel[] = [];
  for (const cid of raised) {
    const channel = byCid.get(cid) as Channel;
    rest.splice(rest.indexOf(channel), 1);
    top.unshift(channel);
  }
  return top.concat(rest);
}

/**
 * The list after a batch: channels named by `message.new` move to the top (the latest first),
 * removals and additions apply in order, and a change to a listed channel gives a new array.
 */
export function reduceChannelList(
  state: ChannelListState,
  events: readonly ChatEvent[],
): ChannelListState {
  let { channels, byCid, hasMore, queryState } = state;
  const raised = new Set<string>();
  let touched = false;
  for (const event of events) {
    const cid = cidOf(event);
    if (event.type === 'message.new' || event.type === 'ngx.list.raise') {
      if (cid !== undefined && byCid.has(cid)) {
        raised.delete(cid);
        raised.add(cid);
      }
    } else if (event.type === 'ngx.list.add') {
      const channel = event['channel'] as Channel;
      if (!byCid.has(channel.cid)) {
        channels = [channel, ...channels];
        byCid = indexOf(channels);
      }
    } else if (CHANNEL_REMOVAL_EVENTS.has(event.type) || event.type === 'ngx.list.remove') {
      if (cid !== undefined && byCid.has(cid)) {
        channels = channels.filter((channel) => channel.cid !== cid);
        byCid = indexOf(channels);
        raised.delete(cid);
      }
    } else if (CHANNEL_CHANGE_EVENTS.has(event.type)) {
      touched ||= cid !== undefined && byCid.has(cid);
    } else if (event.type === 'ngx.list.replace') {
      channels = event['channels'] as Channel[];
      hasMore = event['hasMore'] as boolean;
      byCid = indexOf(channels);
      raised.clear();
    } else if (event.type === 'ngx.list.query') {
      queryState = event['state'] as ChannelQueryState;
    }
  }
  if (raised.size > 0) {
    channels = raise(channels, raised, byCid);
  } else if (touched && channels === state.channels) {
    channels = [...channels];
  }
  return channels === state.channels && hasMore === state.hasMore && queryState === state.queryState
    ? state
    : { channels, byCid, hasMore, queryState };
}

/** The list's commands and the effect that watches channels the user joins. */
function listRuntime(context: SliceContext<ChannelListState>) {
  let loading: Promise<void> | undefined;
  /** Channels being watched after a notification, by cid, until they join the list. */
  const joining = new Set<string>();

  async function runQuery(query: () => Promise<void>, during: string): Promise<void> {
    context.dispatch({ type: 'ngx.list.query', state: { state: 'in-progress' } });
    try {
      await query();
      context.dispatch({ type: 'ngx.list.query', state: { state: 'success' } });
    } catch (error) {
      context.dispatch({
        type: 'ngx.list.query',
        state: { state: 'error', error: fromVendorError(error, `ChannelService ${during}`) },
      });
    }
  }

  /** Watches a channel the user was added to, or got a message in, and puts it on top. */
  async function join(event: StreamEvent): Promise<void> {
    const type = event.channel?.type ?? event.channel_type;
    const id = event.channel?.id ?? event.channel_id;
    const cid = `${type}:${id}`;
    if (!type || !id || context.state.byCid.has(cid) || joining.has(cid)) {
      context.dispatch({ type: 'ngx.list.raise', cid });
      return;
    }
    joining.add(cid);
    try {
      const channel = context.client.channel(type, id);
      const { presence, message_limit } = context.query.options;
      await context.outside(() => channel.watch({ presence, messages: { limit: message_limit } }));
      // A removal that arrived meanwhile took the cid out of `joining`.
      if (joining.has(cid)) context.dispatch({ type: 'ngx.list.add', cid, channel });
    } catch (error) {
      context.reportError(fromVendorError(error, `Watching channel ${cid}`));
    } finally {
      joining.delete(cid);
    }
  }

  const commands: ChannelListCommands = {
    loadMore() {
      if (!context.state.hasMore && !loading) return Promise.resolve();
      loading ??= runQuery(async () => {
        const page = await queryChannelPage(
          context,
          context.query,
          context.state.channels.length,
          context.outside,
        );
        context.dispatch({
          type: 'ngx.list.replace',
          channels: appendNew(context.state.channels, page),
          hasMore: page.length >= context.query.options.limit,
        });
      }, 'loadMoreChannels()').finally(() => (loading = undefined));
      return loading;
    },
    async recover(active) {
      await loading;
      await runQuery(async () => {
        const { limit } = context.query.options;
        const wanted = Math.max(context.state.channels.length, limit);
        const local = localMessagesOf(context.state.channels.filter((c) => c !== active));
        const stateOptions = { skipInitialization: active?.id ? [active.id] : [] };
        let fresh: Channel[] = [];
        let offset = 0;
        let more = true;
        for (let pages = 0; more && offset < wanted && pages < MAX_RECOVERY_PAGES; pages++) {
          const page = await queryChannelPage(
            context,
            context.query,
            offset,
            context.outside,
            stateOptions,
          );
          fresh = appendNew(fresh, page);
          offset += page.length;
          more = page.length >= limit;
        }
        for (const [channel, messages] of local) {
          messages.forEach((message) => channel.state.addMessageSorted(message, true));
        }
        context.dispatch({ type: 'ngx.list.replace', channels: fresh, hasMore: more });
      }, 'catching up after a reconnect');
    },
    add(channel) {
      joining.delete(channel.cid);
      context.dispatch({ type: 'ngx.list.add', cid: channel.cid, channel });
    },
    remove(cid, stopWatching) {
      joining.delete(cid);
      const channel = context.state.byCid.get(cid);
      context.dispatch({ type: 'ngx.list.remove', cid });
      if (channel && stopWatching && !channel.disconnected) {
        context
          .outside(() => channel.stopWatching())
          .catch((error: unknown) =>
            context.reportError(fromVendorError(error, `Stopping to watch channel ${cid}`)),
          );
      }
    },
  };

  return {
    commands,
    eventTypes: new Set([...ADDITION_EVENTS, ...CHANNEL_REMOVAL_EVENTS]),
    onEvent(event: ChatEvent) {
      if (ADDITION_EVENTS.has(event.type)) {
        void join(event as StreamEvent);
      } else if (CHANNEL_REMOVAL_EVENTS.has(event.type)) {
        const cid = cidOf(event);
        if (cid !== undefined) joining.delete(cid);
      }
    },
  };
}

/** Messages of the channels that the server does not have: being sent, or failed. */
function localMessagesOf(channels: Channel[]) {
  const local = new Map<Channel, Channel['state']['messages']>();
  for (const channel of channels) {
    const messages = channel.state.messages.filter(
      (message) => message.status === 'sending' || message.status === 'failed',
    );
    if (messages.length > 0) local.set(channel, messages);
  }
  return local;
}

/**
 * The channel list: its order, paging, live updates, and the catch-up after a reconnect. A channel
 * the user is added to, or gets a message in, joins on top whatever the filters (the server's
 * filters cannot be evaluated here).
 */
export const channelListSlice = defineSlice<ChannelListState, ChannelListCommands>({
  name: 'channelList',
  initial: ({ firstPage, query }) => ({
    channels: firstPage,
    byCid: indexOf(firstPage),
    hasMore: firstPage.length >= query.options.limit,
    queryState: { state: 'success' },
  }),
  reduce: reduceChannelList,
  publish: (state) => ({
    channels: state.channels,
    hasMoreChannels: state.hasMore,
    channelQueryState: state.queryState,
  }),
  setup: listRuntime,
});
