import type { Channel, LocalMessage, Event as StreamEvent } from 'stream-chat';
import { ChatMessage, toChatMessage } from '../chat-message';
import { EMPTY_MAPPED_LIST, MappedList, keepIfSame, mapChanged } from '../keep-if-same';
import {
  ChatEvent,
  LibraryAction,
  SliceContext,
  StoreView,
  defineSlice,
  isLibraryAction,
} from '../store/chat-slice';
import { fromVendorError } from '../vendor-error';
import { activeChannelSlice } from './active-channel.slice';
import { MessageCatchUp, isStored } from './message-catch-up';

/** The active channel's messages as shown. */
export interface MessagesState {
  /** The channel they were read from. */
  readonly channel: Channel | undefined;
  /** Its loaded messages, oldest first. */
  readonly messages: ChatMessage[];
  /** Whether older messages can be loaded. */
  readonly hasMore: boolean;
  /** Whether newer messages than those loaded exist (after a jump). */
  readonly hasMoreNewer: boolean;
  /** Its pinned messages. */
  readonly pinned: ChatMessage[];
  /** The client's messages the published ones were read from, to map only those that change. */
  readonly read: MappedList<LocalMessage, ChatMessage>;
  /** The same for the pinned messages. */
  readonly readPinned: MappedList<LocalMessage, ChatMessage>;
}

/** Paging of the active channel's messages. */
export interface MessagesCommands {
  /**
   * Loads the page of messages before the oldest one loaded (or after the newest, for `'newer'`);
   * resolves at once when there is none. Concurrent calls for the same channel share one request.
   */
  loadMore(channel: Channel, direction: 'older' | 'newer'): Promise<void>;
  /** Catches up with what the server stored while the connection was down. */
  catchUp(channel: Channel): Promise<void>;
}

const EMPTY: MessagesState = {
  channel: undefined,
  messages: [],
  hasMore: false,
  hasMoreNewer: false,
  pinned: [],
  read: EMPTY_MAPPED_LIST,
  readPinned: EMPTY_MAPPED_LIST,
};

/** Events about a thread reply that change nothing in the main list unless it is shown there. */
const THREAD_EVENTS: ReadonlySet<string> = new Set([
  'message.new',
  'message.updated',
  'message.deleted',
  'message.undeleted',
  'reaction.new',
  'reaction.updated',
  'reaction.deleted',
]);

/** Whether newer messages than those shown exist: a jump left the latest ones unloaded. */
function hasNewer(channel: Channel): boolean {
  return (
    channel.state.messages !== channel.state.latestMessages ||
    channel.state.messagePagination.hasNext
  );
}

/** Whether the batch may have changed what the channel shows: thread replies it does not show do not. */
function concerns(channel: Channel, events: readonly ChatEvent[]): boolean {
  for (const event of events) {
    if (event.cid === undefined || isLibraryAction(event)) return true;
    if (event.cid !== channel.cid) continue;
    const message = (event as StreamEvent).message;
    if (!message?.parent_id || message.show_in_channel || !THREAD_EVENTS.has(event.type)) {
      return true;
    }
  }
  return false;
}

/** The active channel's messages after a batch, re-read from the client's channel state. */
export function reduceMessages(
  state: MessagesState,
  events: readonly ChatEvent[],
  view: StoreView,
): MessagesState {
  const channel = view.get(activeChannelSlice).channel;
  if (!channel) return state.channel ? EMPTY : state;
  if (channel === state.channel && !concerns(channel, events)) return state;
  const sameChannel = channel === state.channel;
  // An app's `messageListSetter` (see ChannelServiceExtensions) sets the list itself.
  let set: ChatEvent | undefined;
  for (const event of events) {
    if (event.type === 'ngx.messages.set' && event.cid === channel.cid) set = event;
  }
  // Only the messages that are new or replaced are converted; the list is not re-read.
  const read = mapChanged(
    sameChannel ? state.read : EMPTY_MAPPED_LIST,
    channel.state.messages,
    toChatMessage,
  );
  const readPinned = mapChanged(
    sameChannel ? state.readPinned : EMPTY_MAPPED_LIST,
    channel.state.pinnedMessages,
    toChatMessage,
  );
  const messages = set
    ? keepIfSame(
        sameChannel ? state.messages : [],
        (set as LibraryAction)['messages'] as ChatMessage[],
      )
    : read.items;
  const pinned = readPinned.items;
  const pagination = channel.state.messagePagination;
  const hasMore = pagination.hasPrev;
  const hasMoreNewer = hasNewer(channel);
  return sameChannel &&
    messages === state.messages &&
    pinned === state.pinned &&
    hasMore === state.hasMore &&
    hasMoreNewer === state.hasMoreNewer
    ? state
    : { channel, messages, hasMore, hasMoreNewer, pinned, read, readPinned };
}

/** Events the client makes itself, which say nothing about the socket being up. */
const LOCAL_EVENTS = new Set([
  'connection.changed',
  'connection.recovered',
  'channels.queried',
  'capabilities.changed',
  'transport.changed',
  'message.read_locally',
]);

function messagesRuntime(context: SliceContext<MessagesState>) {
  const catchUp = new MessageCatchUp(context);
  /** The page being loaded in each direction: concurrent calls for the same one share it. */
  const loading = new Map<'older' | 'newer', { channel: Channel; done: Promise<void> }>();

  const commands: MessagesCommands = {
    loadMore(channel, direction) {
      const pending = loading.get(direction);
      if (pending?.channel === channel) return pending.done;
      const pagination = channel.state.messagePagination;
      const more = direction === 'older' ? pagination.hasPrev : hasNewer(channel);
      if (!more) return Promise.resolve();
      const stored = channel.state.messages.filter(isStored);
      const limit = context.query.options.message_limit;
      const edge =
        direction === 'older'
          ? stored[0] && { id_lt: stored[0].id }
          : stored.at(-1) && { id_gt: stored.at(-1)?.id };
      const done = context
        .outside(() => channel.query({ messages: { limit, ...edge } }, 'current'))
        .then(
          () => context.dispatch({ type: 'ngx.messages.loaded', cid: channel.cid }),
          (error: unknown) => {
            throw fromVendorError(error, 'ChannelService.loadMoreMessages()');
          },
        )
        .finally(() => {
          if (loading.get(direction)?.done === done) loading.delete(direction);
        });
      loading.set(direction, { channel, done });
      return done;
    },
    catchUp: (channel) => catchUp.catchUp(channel),
  };

  return {
    commands,
    onEvent(event: ChatEvent) {
      const active = context.get(activeChannelSlice).channel;
      if (event.type === 'message.new') {
        catchUp.noteDelivered(active, event.cid, (event as StreamEvent).message?.id);
      } else if (event.type === 'ngx.active.set') {
        catchUp.noteShown(event['channel'] as Channel | undefined);
      } else if (event.type === 'ngx.active.loaded') {
        catchUp.noteShown(active);
      } else if (event.type === 'connection.changed' && (event as StreamEvent).online === true) {
        // The new socket is up and the client has not recovered yet: note where messages end.
        catchUp.rememberNewest(active);
      }
      if (!isLibraryAction(event) && !LOCAL_EVENTS.has(event.type)) catchUp.noteServerEvent();
    },
  };
}

/**
 * The active channel's messages, paging both ways, pinned messages, and the catch-up after a
 * reconnect. The messages themselves stay in the client's channel state, which de-duplicates them
 * by id; the slice reads them when the active channel or its events change.
 */
export const messagesSlice = defineSlice<MessagesState, MessagesCommands>({
  name: 'messages',
  initial: () => EMPTY,
  reduce: reduceMessages,
  publish: (state) => ({
    activeChannelMessages: state.messages,
    hasMoreMessages: state.hasMore,
    hasMoreNewerMessages: state.hasMoreNewer,
    activeChannelPinnedMessages: state.pinned,
  }),
  setup: messagesRuntime,
});
