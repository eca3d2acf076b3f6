import type {
  Channel,
  LocalMessage,
  MessageResponse,
  Event as StreamEvent,
  UserResponse,
} from 'stream-chat';
import { ChatMessage, toChatMessage } from '../../chat-message';
import { activeChannelSlice } from '../../core/active-channel.slice';
import { isStored } from '../../core/message-catch-up';
import { typingUsersOf } from '../../core/typing.slice';
import { EMPTY_MAPPED_LIST, MappedList, keepIfSame, mapChanged } from '../../keep-if-same';
import {
  ChatEvent,
  SliceContext,
  StoreView,
  defineSlice,
  isLibraryAction,
} from '../../store/chat-slice';
import { noActiveChannelError } from '../../stream-chat-errors';
import { fromVendorError } from '../../vendor-error';

/** The open thread of the active channel. */
export interface ThreadState {
  /** The channel the thread belongs to. */
  readonly channel: Channel | undefined;
  /** The parent message's id; `undefined` when no thread is open. */
  readonly parentId: string | undefined;
  /** The parent message, with its live reply count. */
  readonly parent: ChatMessage | undefined;
  /** The replies, oldest first. */
  readonly replies: ChatMessage[];
  /** Whether older replies can be loaded. */
  readonly hasMore: boolean;
  /** Who else is typing in the thread. */
  readonly typing: UserResponse[];
  /** The client's replies the published ones were read from, to map only those that change. */
  readonly read: MappedList<LocalMessage, ChatMessage>;
}

/** Thread commands. */
export interface ThreadCommands {
  /** Opens the thread of `message` (or closes it), loading its replies from the server or state. */
  open(
    message: ChatMessage | MessageResponse | undefined,
    from: 'request' | 'state',
  ): Promise<void>;
  /** Loads older (or newer) replies of the open thread. */
  loadMore(direction: 'older' | 'newer'): Promise<void>;
}

const CLOSED: ThreadState = {
  channel: undefined,
  parentId: undefined,
  parent: undefined,
  replies: [],
  hasMore: false,
  typing: [],
  read: EMPTY_MAPPED_LIST,
};

/** What a batch may have changed in the open thread. */
interface ThreadChanges {
  /** The replies, or who types in the thread. */
  replies: boolean;
  /** The parent message. */
  parent: boolean;
}

/** Events about one message, which the client files in the main list or the message's thread. */
const MESSAGE_EVENTS: ReadonlySet<string> = new Set([
  'message.new',
  'message.updated',
  'message.deleted',
  'message.undeleted',
  'reaction.new',
  'reaction.updated',
  'reaction.deleted',
]);

/**
 * What the batch may have changed in the thread of `parentId` in `channel`: events about other
 * messages of the channel (its main list, other threads) change nothing; the library's actions
 * and the channel's other events (typing, truncation...) may change anything.
 */
function changesOf(
  events: readonly ChatEvent[],
  channel: Channel,
  parentId: string,
): ThreadChanges {
  const changes = { replies: false, parent: false };
  for (const event of events) {
    const library = isLibraryAction(event);
    if (!library && event.cid !== channel.cid) continue;
    const message = (event as StreamEvent).message;
    if (library || !message || !MESSAGE_EVENTS.has(event.type)) {
      return { replies: true, parent: true };
    }
    if (message.parent_id === parentId) changes.replies = true;
    if (message.id === parentId) changes.parent = true;
  }
  return changes;
}

/** The open thread after a batch, re-read from the client's channel state. */
export function reduceThread(
  state: ThreadState,
  events: readonly ChatEvent[],
  view: StoreView,
): ThreadState {
  const active = view.get(activeChannelSlice).channel;
  let { parentId, parent, hasMore } = state;
  let opened = false;
  let setReplies: ChatMessage[] | undefined;
  for (const event of events) {
    if (event.type === 'ngx.thread.set') {
      parentId = event['parentId'] as string | undefined;
      parent = event['parent'] as ChatMessage | undefined;
      hasMore = true;
      opened = true;
    } else if (event.type === 'ngx.thread.loaded' && event['parentId'] === parentId) {
      hasMore = event['hasMore'] as boolean;
    } else if (event.type === 'ngx.thread.replies.set') {
      // An app's `threadListSetter` (see ChannelServiceExtensions) sets the replies itself.
      setReplies = event['messages'] as ChatMessage[];
    }
  }
  const channel = opened ? active : state.channel;
  if (!parentId || !channel || channel !== active) return state.parentId ? CLOSED : state;
  const changes = opened ? { replies: true, parent: true } : changesOf(events, channel, parentId);
  if (setReplies) changes.replies = true;
  if (!changes.replies && !changes.parent && hasMore === state.hasMore) return state;
  let nextParent = opened ? parent : state.parent;
  if (changes.parent) {
    const stored = channel.state.findMessage(parentId);
    nextParent = stored ? toChatMessage(stored) : parent;
  }
  let { read, replies, typing } = opened ? CLOSED : state;
  if (changes.replies) {
    // Only the replies that are new or replaced are converted; a long thread is not re-read.
    read = mapChanged(read, channel.state.threads[parentId] ?? [], toChatMessage);
    replies = setReplies ? keepIfSame(replies, setReplies) : read.items;
    typing = typingUsersOf(channel, view.userId, typing, parentId);
  }
  return !opened &&
    nextParent === state.parent &&
    replies === state.replies &&
    typing === state.typing &&
    hasMore === state.hasMore
    ? state
    : { channel, parentId, parent: nextParent, replies, hasMore, typing, read };
}

function threadsRuntime(context: SliceContext<ThreadState>) {
  async function load(
    parentId: string,
    edge: { id_lt?: string; id_gt?: string },
    call: string,
  ): Promise<void> {
    const channel = context.state.channel;
    if (!channel) return;
    const limit = context.query.options.message_limit;
    try {
      const response = await context.outside(() =>
        channel.getReplies(parentId, { limit, ...edge }),
      );
      context.dispatch({
        type: 'ngx.thread.loaded',
        cid: channel.cid,
        parentId,
        hasMore: edge.id_gt ? context.state.hasMore : response.messages.length >= limit,
      });
    } catch (error) {
      throw fromVendorError(error, `ChannelService.${call}`);
    }
  }

  const commands: ThreadCommands = {
    async open(message, from) {
      if (!message) {
        context.dispatch({ type: 'ngx.thread.set', parentId: undefined });
        return;
      }
      const channel = context.get(activeChannelSlice).channel;
      if (!channel) throw noActiveChannelError('setAsActiveParentMessage()');
      context.dispatch({
        type: 'ngx.thread.set',
        cid: channel.cid,
        parentId: message.id,
        parent: toChatMessage(message as unknown as LocalMessage),
      });
      if (from === 'request') await load(message.id, {}, 'setAsActiveParentMessage()');
    },
    async loadMore(direction) {
      const { parentId, replies, hasMore } = context.state;
      if (!parentId || (direction === 'older' && !hasMore)) return;
      const stored = replies.filter((reply) => isStored(reply as unknown as LocalMessage));
      const edge =
        direction === 'older'
          ? stored[0] && { id_lt: stored[0].id }
          : stored.at(-1) && { id_gt: stored.at(-1)?.id };
      await load(parentId, edge ?? {}, 'loadMoreThreadReplies()');
    },
  };
  return {
    commands,
    eventTypes: new Set(['ngx.recovered']),
    onEvent(event: ChatEvent) {
      // Recovering, the client re-reads its channels and drops the replies it held: the open
      // thread loads its latest replies again, those missed meanwhile included.
      const { parentId } = context.state;
      if (event.type === 'ngx.recovered' && parentId) {
        load(parentId, {}, 'setAsActiveParentMessage()').catch((error: unknown) =>
          context.reportError(fromVendorError(error, 'Reloading the open thread')),
        );
      }
    },
  };
}

/**
 * Threads: the open thread's parent (with its live reply count), its replies with paging, and who
 * types in it. Closed when another channel becomes active. Added by `withThreads()`.
 */
export const threadsSlice = defineSlice<ThreadState, ThreadCommands>({
  name: 'threads',
  initial: () => CLOSED,
  reduce: reduceThread,
  publish: (state) => ({
    activeParentMessageId: state.parentId,
    activeParentMessage: state.parent,
    activeThreadMessages: state.replies,
    hasMoreThreadReplies: state.hasMore,
    usersTypingInThread: state.typing,
  }),
  setup: threadsRuntime,
});
