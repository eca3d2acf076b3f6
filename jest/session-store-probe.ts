import type { Channel, StreamChat } from 'stream-chat';
import {
  ChannelListOptions,
  toChannelQuery,
} from '../projects/ngx-stream-chat/src/lib/channel-query';
import type { ChannelServiceExtensions } from '../projects/ngx-stream-chat/src/lib/channel-service-extensions';
import { ChannelPager, queryPager } from '../projects/ngx-stream-chat/src/lib/core/channel-pager';
import { CORE_SLICES } from '../projects/ngx-stream-chat/src/lib/core/core-slices';
import type { AnyChatSlice, ChatSlice } from '../projects/ngx-stream-chat/src/lib/store/chat-slice';
import { ChatState, EMPTY_CHAT_STATE } from '../projects/ngx-stream-chat/src/lib/store/chat-state';
import { SessionStore } from '../projects/ngx-stream-chat/src/lib/store/session-store';
import type { StreamChatError } from '../projects/ngx-stream-chat/src/lib/stream-chat-errors';

/** How a probed session starts: `init()`'s options and what its first query returned. */
export interface StoreProbeOptions {
  /** `init()`'s options (25 channels and 25 messages per page unless given). */
  options?: ChannelListOptions;
  /** The channels of the first page, already loaded into the client. */
  firstPage?: Channel[];
  /** Whether the first page said more may follow; by default, whether it was full. */
  hasMoreChannels?: boolean;
  /** The list's pager; by default the real `queryPager` over `client.queryChannels`. */
  pager?: ChannelPager;
  /** The app's handlers and hooks. */
  extensions?: ChannelServiceExtensions;
  /** The slices, in reducing order; the core slices by default, as `ChannelService` has them. */
  slices?: readonly AnyChatSlice[];
}

/**
 * A real `SessionStore` for unit specs of slices, as `ChannelService.init()` starts one, with a
 * host that records what it publishes and the errors it reports. Vendor work runs as it is (there
 * is no zone); stub the client's network methods the spec needs.
 */
export class StoreProbe {
  /** The store. */
  readonly store: SessionStore;
  /** Every patch published, oldest first (the first holds every slice's initial fields). */
  readonly published: Partial<ChatState>[] = [];
  /** Every background error reported. */
  readonly errors: StreamChatError[] = [];

  constructor(client: StreamChat, options: StoreProbeOptions = {}) {
    const query = toChannelQuery({}, { last_message_at: -1 }, options.options);
    const firstPage = options.firstPage ?? [];
    const outside = <T>(work: () => T): T => work();
    this.store = new SessionStore(
      {
        client,
        userId: client.userID as string,
        query,
        firstPage,
        hasMoreChannels: options.hasMoreChannels ?? firstPage.length >= query.options.limit,
        pager: options.pager ?? queryPager(client, query, outside, () => undefined),
        extensions: options.extensions ?? {},
      },
      options.slices ?? CORE_SLICES,
      {
        zone: { runOutsideAngular: outside },
        publish: (patch) => this.published.push(patch),
        reportError: (error) => this.errors.push(error),
      },
    );
  }

  /** The public state as an app sees it: every patch published so far, applied in order. */
  get state(): ChatState {
    return Object.assign({ ...EMPTY_CHAT_STATE }, ...this.published) as ChatState;
  }

  /** The number of patches published so far: a mark to pass to `values()`. */
  mark(): number {
    return this.published.length;
  }

  /** The values published for `field` since the mark, oldest first. */
  values<K extends keyof ChatState>(field: K, since = 0): ChatState[K][] {
    return this.published
      .slice(since)
      .filter((patch) => field in patch)
      .map((patch) => patch[field] as ChatState[K]);
  }

  /** The commands of a registered slice. */
  commands<C>(slice: ChatSlice<unknown, C>): C {
    const commands = this.store.commands<C>(slice.name);
    if (!commands) throw new Error(`The probed store has no slice '${slice.name}'.`);
    return commands;
  }

  /** Ends the session. */
  dispose(): void {
    this.store.dispose();
  }
}

/**
 * Resolves after the next animation frame, when the store has reduced the client events queued
 * so far (with real timers; under fake timers use `jest.advanceTimersToNextFrame()`).
 */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

/**
 * Resolves once the promise callbacks queued so far (and those they queue) have run: after a
 * macrotask, so only with real timers.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}
