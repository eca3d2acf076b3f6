import { channelEventBase } from '../../fanout/channel-event-base';
import { messageResponse } from '../../responses/message-responses';
import { userResponse } from '../../responses/user-responses';
import { ChatServices } from '../../services/emulator-services';
import { ChannelRecord, MessageRecord } from '../../store/model';
import { StoredReaction } from './reaction-index';
import { reactionResponse } from './reaction-responses';

/** The three reaction events. */
export type ReactionEventType = 'reaction.new' | 'reaction.updated' | 'reaction.deleted';

/**
 * Sends a reaction event to every connection watching the channel, the reactor's own
 * included: the complete updated message (the client replaces its copy with it; its
 * `own_reactions` is `[]`, the client keeps its own), the reaction and the reacting user.
 */
export function announceReaction(
  services: ChatServices,
  channel: ChannelRecord,
  message: MessageRecord,
  type: ReactionEventType,
  reaction: StoredReaction,
  at: string,
): void {
  services.fanout.sendToWatchers(channel, {
    type,
    ...channelEventBase(channel),
    message: messageResponse(services, message),
    reaction: reactionResponse(services, reaction),
    user: userResponse(services, reaction.userId),
    created_at: at,
  });
}
