import type { Channel, Event as StreamEvent, EventTypes } from 'stream-chat';
import type { ChannelQueryState } from '../channel-query';
import { CHANNEL_LIST_HANDLER_FOR, hasCustomListHandler } from '../channel-service-extensions';
import { ChatEvent, SliceContext, StoreView, defineSlice } from '../store/chat-slice';
import { fromVendorError } from '../vendor-error';
import { CustomListHandlers } from './custom-list-handlers';

/** Events after which the user no longer sees the channel. */
export const CHANNEL_REMOVAL_EVENTS: ReadonlySet<string> = new Set<EventTypes>([
  'notification.removed_from_channel',
  'notification.channel_deleted',
  'channel.deleted',
  'channel.hidden',
  'notification.invite_rejected',
]);
/** Events after which a listed channel looks different (name, last message...). */
const CHANNEL_CHANGE_EVENTS: ReadonlySet<string> = new Set<EventTypes>([
  'message.updated',
  'message.deleted',
  'channel.updated',
  'channel.truncated',
  'reaction.new',
  'reaction.deleted',
]);
/** Events about a channel the user may not watch yet, which joins the list. */
const ADDITION_EVENTS: ReadonlySet<string> = new Set<EventTypes>([
  'notification.message_new',
  'notification.added_to_channel',
  'channel.visible',
  'notification.invite_accepted',
]);

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
  /** Replaces the list; channels no longer listed stop being watched when asked. */
  set(channels: Channel[], stopWatchingRemoved: boolean): void;
}

function indexOf(channels: readonly Channel[]): ReadonlyMap<string, Channel> {
  return new Map(channels.map((channel) => [channel.cid, channel]));
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
  view: Pick<StoreView, 'extensions'>,
): ChannelListState {
  let { channels, byCid, hasMore, queryState } = state;
  const raised = new Set<string>();
  let touched = false;
  for (const event of events) {
    if (hasCustomListHandler(view.extensions, event.type)) continue;
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
      hasMore = (event['hasMore'] as boolean | undefined) ?? hasMore;
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
        const result = await context.pager.query('next-page', context.state.channels);
        context.dispatch({
          type: 'ngx.list.replace',
          channels: result.channels,
          hasMore: result.hasMorePage,
        });
      }, 'loadMoreChannels()').finally(() => (loading = undefined));
      return loading;
    },
    async recover(active) {
      await loading;
      await runQuery(async () => {
        const local = localMessagesOf(context.state.channels.filter((c) => c !== active));
        const result = await context.pager.query(
          'recover-state',
          context.state.channels,
          active?.id ? [active.id] : [],
        );
        for (const [channel, messages] of local) {
          messages.forEach((message) => channel.state.addMessageSorted(message, true));
        }
        context.dispatch({
          type: 'ngx.list.replace',
          channels: result.channels,
          hasMore: result.hasMorePage,
        });
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
      if (channel && stopWatching) stopWatchingChannel(channel);
    },
    set(channels, stopWatchingRemoved) {
      const kept = new Set(channels.map((channel) => channel.cid));
      const removed = context.state.channels.filter((channel) => !kept.has(channel.cid));
      context.dispatch({ type: 'ngx.list.replace', channels: [...channels] });
      if (stopWatchingRemoved) removed.forEach(stopWatchingChannel);
    },
  };

  function stopWatchingChannel(channel: Channel): void {
    if (channel.disconnected) return;
    context
      .outside(() => channel.stopWatching())
      .catch((error: unknown) =>
        context.reportError(fromVendorError(error, `Stopping to watch channel ${channel.cid}`)),
      );
  }

  const custom = new CustomListHandlers(context, commands);

  return {
    commands,
    // The app's list handlers (see CustomListHandlers) may take any of their events.
    eventTypes: new Set([
      ...ADDITION_EVENTS,
      ...CHANNEL_REMOVAL_EVENTS,
      ...Object.keys(CHANNEL_LIST_HANDLER_FOR),
    ]),
    onEvent(event: ChatEvent) {
      if (custom.handle(event)) return;
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
  initial: ({ firstPage, hasMoreChannels }) => ({
    channels: firstPage,
    byCid: indexOf(firstPage),
    hasMore: hasMoreChannels,
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
