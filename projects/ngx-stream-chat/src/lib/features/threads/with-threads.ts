import { StreamChatFeature, streamChatFeature } from '../../stream-chat-feature';
import { threadsSlice } from './threads.slice';

/**
 * Adds threads: `setAsActiveParentMessage()`, `loadMoreThreadReplies()`,
 * `activeParentMessage$`, `activeThreadMessages$` and `usersTypingInThread$`.
 *
 * @example
 * provideStreamChat(config, withThreads())
 */
export function withThreads(): StreamChatFeature {
  return streamChatFeature('threads', [threadsSlice]);
}
