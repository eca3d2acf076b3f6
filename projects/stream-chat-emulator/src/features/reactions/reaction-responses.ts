import { userResponse } from '../../responses/user-responses';
import { WireContext } from '../../responses/wire-context';
import { StoredReaction } from './reaction-index';

/** A reaction as Stream sends it (`ReactionResponse`). */
export type ReactionResponse = Record<string, unknown> & { type: string; user_id: string };

/**
 * The `ReactionResponse` of a stored reaction: custom fields flat, then `type`,
 * `message_id`, `user_id` (the client needs it to keep `own_reactions`), `user`, `score`
 * and times.
 */
export function reactionResponse(context: WireContext, reaction: StoredReaction): ReactionResponse {
  return {
    ...reaction.data,
    type: reaction.type,
    message_id: reaction.messageId,
    user_id: reaction.userId,
    user: userResponse(context, reaction.userId),
    score: reaction.score,
    created_at: reaction.createdAt,
    updated_at: reaction.updatedAt,
  };
}

/** Reactions newest first (by `created_at`; among equal times, the later added first). */
export function newestFirst(reactions: readonly StoredReaction[]): StoredReaction[] {
  return reactions
    .map((reaction, position) => ({ reaction, position }))
    .sort(
      (a, b) =>
        Date.parse(b.reaction.createdAt) - Date.parse(a.reaction.createdAt) ||
        b.position - a.position,
    )
    .map(({ reaction }) => reaction);
}
