import { StreamChatFeature, streamChatFeature } from '../../stream-chat-feature';
import { reactionsSlice } from './reactions.slice';

/**
 * Adds reactions: `addReaction()`, `removeReaction()` and `getMessageReactions()`.
 *
 * @example
 * provideStreamChat(config, withReactions())
 */
export function withReactions(): StreamChatFeature {
  return streamChatFeature('reactions', [reactionsSlice]);
}
