import type { StreamChat } from 'stream-chat';
import type { ChannelQuery, ChannelQueryState } from './channel-query';
import type { StreamChatError } from './stream-chat-errors';

/**
 * What the parts of one `ChannelService` session (list, active channel, messages) share: the
 * client, the query, and the way to publish. Once the session is disposed, every method is a
 * no-op and `disposed` is true, so late answers from the server change nothing.
 */
export interface SessionContext {
  /** The connected user's client. */
  readonly client: StreamChat;
  /** The connected user's id. */
  readonly userId: string;
  /** The query `init()` was called with. */
  readonly query: ChannelQuery;
  /** Whether the session has ended (`reset()`, another `init()`, a user switch). */
  readonly disposed: boolean;
  /** Runs vendor work outside Angular, so its timers and callbacks never trigger change detection. */
  outside<T>(work: () => T): T;
  /** Publishes what changed on the next animation frame, together with whatever else changed. */
  scheduleUpdate(): void;
  /** Publishes what changed now, for a command whose caller is waiting. */
  updateNow(): void;
  /** Sets where the latest channel query stands, and publishes now. */
  setQueryState(state: ChannelQueryState): void;
  /** Reports an error that no caller is waiting for (a background watch or mark-read). */
  reportError(error: StreamChatError): void;
}
