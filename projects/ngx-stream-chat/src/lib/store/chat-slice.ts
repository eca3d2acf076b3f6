import type { Channel, Event as StreamEvent, StreamChat } from 'stream-chat';
import type { ChannelServiceExtensions } from '../channel-service-extensions';
import type { ChannelQuery } from '../channel-query';
import type { ChannelPager } from '../core/channel-pager';
import type { StreamChatError } from '../stream-chat-errors';
import type { ChatState } from './chat-state';

/**
 * Something a command did that slices may need to reflect: the library's own events, beside the
 * client's. Types start with `ngx.`; `cid` names the channel it is about, when there is one.
 */
export interface LibraryAction {
  /** What happened, e.g. `'ngx.active.set'`. */
  readonly type: `ngx.${string}`;
  /** The channel it is about, if any. */
  readonly cid?: string;
  /** Anything else the action carries. */
  readonly [field: string]: unknown;
}

/** What a slice reduces: the client's events and the library's actions. */
export type ChatEvent = StreamEvent | LibraryAction;

/** Whether the event is one of the library's own actions. */
export function isLibraryAction(event: ChatEvent): event is LibraryAction {
  return event.type.startsWith('ngx.');
}

/** The session a store serves: one connected user and one `init()` query. */
export interface SessionInfo {
  /** The connected user's client. */
  readonly client: StreamChat;
  /** The connected user's id. */
  readonly userId: string;
  /** The query `init()` was called with. */
  readonly query: ChannelQuery;
  /** The channels `init()`'s query returned, watched and loaded into the client. */
  readonly firstPage: Channel[];
  /** Whether the first query said more channels may follow. */
  readonly hasMoreChannels: boolean;
  /** Loads further pages of the list (the default query, or the app's own). */
  readonly pager: ChannelPager;
  /** The app's handlers and hooks, read when they apply (they may be set at any time). */
  readonly extensions: ChannelServiceExtensions;
}

/** What a reducer may read besides its own state: the session and the other slices' states. */
export interface StoreView extends SessionInfo {
  /** Another slice's current state (slices registered before this one are already reduced). */
  get<S>(slice: ChatSlice<S>): S;
}

/** What a slice's commands and effects work with. */
export interface SliceContext<S> extends StoreView {
  /** The slice's current state. */
  readonly state: S;
  /** Whether the session has ended: late answers must change nothing. */
  readonly disposed: boolean;
  /** Applies an action to every slice and publishes the result now (for a waiting caller). */
  dispatch(action: LibraryAction): void;
  /** Runs vendor work outside Angular, so its timers never trigger change detection. */
  outside<T>(work: () => T): T;
  /** Reports a failure no caller waits for, to Angular's `ErrorHandler`. */
  reportError(error: StreamChatError): void;
  /** The commands of another slice of this session, by name; `undefined` when not registered. */
  commands<C>(name: string): C | undefined;
}

/** What a slice runs while its session lives. */
export interface SliceRuntime<C> {
  /** The slice's commands, found by `ChannelService` through the slice's name. */
  readonly commands: C;
  /** Side effects of an event or action (marking read, watching a channel), before reducing. */
  onEvent?(event: ChatEvent): void;
  /**
   * The event and action types `onEvent` handles; every type when absent. The store calls
   * `onEvent` only for these, so a burst of other events costs the slice nothing.
   */
  readonly eventTypes?: ReadonlySet<string>;
  /** Stops the runtime's timers; the session is over. */
  dispose?(): void;
}

/**
 * A feature's piece of a session's state: a pure `reduce` from events to its state, the public
 * fields it `publish`es, and the commands that change the client and dispatch actions.
 *
 * @typeParam S the slice's state; replaced, never mutated, so identity tells what changed.
 * @typeParam C the commands it offers.
 */
export interface ChatSlice<S, C = unknown> {
  /** Unique name; commands are found by it. */
  readonly name: string;
  /** The state when the session starts. */
  initial(session: SessionInfo): S;
  /**
   * The state after a batch of events (all that arrived within one animation frame, or one
   * command's action). Returns `state` itself when nothing changed. May read the client's channel
   * state, which the client has already updated for these events.
   */
  reduce?(state: S, events: readonly ChatEvent[], view: StoreView): S;
  /** The public fields this state gives; called only when the state changed. */
  publish?(state: S): Partial<ChatState>;
  /** Starts the slice's commands and effects for one session. */
  setup?(context: SliceContext<S>): SliceRuntime<C>;
}

/** A slice of any state, as the store holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyChatSlice = ChatSlice<any, any>;

/** Declares a slice (an identity function that checks the slice's types). */
export function defineSlice<S, C = unknown>(slice: ChatSlice<S, C>): ChatSlice<S, C> {
  return slice;
}
