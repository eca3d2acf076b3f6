import type { ChannelFilters, StreamChat } from 'stream-chat';
import {
  ChannelListOptions,
  ChannelQueryState,
  toChannelQuery,
} from '../projects/ngx-stream-chat/src/lib/channel-query';
import type { SessionContext } from '../projects/ngx-stream-chat/src/lib/session-context';
import type { StreamChatError } from '../projects/ngx-stream-chat/src/lib/stream-chat-errors';

/** A `SessionContext` that records what the session parts ask of it, for unit specs. */
export interface SessionContextStub extends SessionContext {
  disposed: boolean;
  /** How many times `updateNow()` was called. */
  updates: number;
  /** How many times `scheduleUpdate()` was called. */
  scheduled: number;
  queryStates: ChannelQueryState[];
  errors: StreamChatError[];
}

/** A context for `client`, with `init()`'s defaults over `options`. */
export function sessionContextStub(
  client: StreamChat,
  options: ChannelListOptions = {},
  filters: ChannelFilters = {},
): SessionContextStub {
  const stub: SessionContextStub = {
    client,
    userId: client.userID as string,
    query: toChannelQuery(filters, { last_message_at: -1 }, options),
    disposed: false,
    updates: 0,
    scheduled: 0,
    queryStates: [],
    errors: [],
    outside: (work) => work(),
    scheduleUpdate: () => void stub.scheduled++,
    updateNow: () => void stub.updates++,
    setQueryState: (state) => void stub.queryStates.push(state),
    reportError: (error) => void stub.errors.push(error),
  };
  return stub;
}
