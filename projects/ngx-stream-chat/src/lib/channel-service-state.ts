import type { Channel, UserResponse } from 'stream-chat';
import type { ChannelQueryState } from './channel-query';
import type { ChatMessage } from './chat-message';
import { NO_UNREAD_COUNTS, UnreadCountsView } from './unread-counts';

/** Everything `ChannelService` publishes, as one immutable record. */
export interface ChannelServiceState {
  channels: Channel[] | undefined;
  hasMoreChannels: boolean;
  channelQueryState: ChannelQueryState | undefined;
  activeChannel: Channel | undefined;
  activeChannelMessages: ChatMessage[];
  hasMoreMessages: boolean;
  usersTypingInChannel: UserResponse[];
  /** Unread messages per `cid`, for the listed channels and the active one. */
  unreadCounts: UnreadCountsView;
}

/** The state before `init()` and after `reset()`. */
export const EMPTY_CHANNEL_SERVICE_STATE: ChannelServiceState = Object.freeze({
  channels: undefined,
  hasMoreChannels: false,
  channelQueryState: undefined,
  activeChannel: undefined,
  activeChannelMessages: [],
  hasMoreMessages: false,
  usersTypingInChannel: [],
  unreadCounts: NO_UNREAD_COUNTS,
});

/** Whether two records differ in any field (fields compared by identity). */
export function stateChanged(previous: ChannelServiceState, next: ChannelServiceState): boolean {
  return (Object.keys(next) as (keyof ChannelServiceState)[]).some(
    (key) => previous[key] !== next[key],
  );
}

/** `next` when its items differ from `previous` (by identity, in order), otherwise `previous`. */
export function keepIfSame<T>(previous: T[], next: T[]): T[] {
  return previous.length === next.length && previous.every((item, index) => item === next[index])
    ? previous
    : next;
}
