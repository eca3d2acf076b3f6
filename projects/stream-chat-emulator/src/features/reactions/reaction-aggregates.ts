import { WireFields } from '../../responses/response-extensions';
import { userResponse } from '../../responses/user-responses';
import { WireContext } from '../../responses/wire-context';
import { MessageRecord } from '../../store/model';
import { StoredReaction } from './reaction-index';
import { newestFirst, reactionResponse } from './reaction-responses';
import { reactionsSlice } from './reactions-slice';

/** How many reactions `latest_reactions` and `own_reactions` list (Stream's "10 latest"). */
export const LATEST_REACTIONS_LIMIT = 10;

interface GroupTotals {
  count: number;
  sumScores: number;
  lastReactionAt: string;
  /** Newest first. */
  reactions: StoredReaction[];
}

/**
 * The reaction fields of a `MessageResponse`: `latest_reactions` (10 newest),
 * `own_reactions` (the viewer's, `[]` without a viewer), `reaction_counts`,
 * `reaction_scores` and `reaction_groups` (types that have reactions now; `first_reaction_at`
 * survives the removal of every reaction of a type).
 * @param viewerId the user the response is for; `undefined` in events sent to everyone.
 */
export function reactionFields(
  context: WireContext,
  message: MessageRecord,
  viewerId: string | undefined,
): WireFields {
  const { reactions, firstReactionAt } = context.store.slice(reactionsSlice).of(message.id);
  const newest = newestFirst(reactions);
  const groups = new Map<string, GroupTotals>();
  for (const reaction of newest) {
    const group = groups.get(reaction.type);
    if (group) {
      group.count++;
      group.sumScores += reaction.score;
      group.reactions.push(reaction);
    } else {
      groups.set(reaction.type, {
        count: 1,
        sumScores: reaction.score,
        lastReactionAt: reaction.createdAt,
        reactions: [reaction],
      });
    }
  }
  const counts: Record<string, number> = {};
  const scores: Record<string, number> = {};
  const wireGroups: Record<string, unknown> = {};
  for (const [type, group] of groups) {
    counts[type] = group.count;
    scores[type] = group.sumScores;
    wireGroups[type] = {
      count: group.count,
      sum_scores: group.sumScores,
      first_reaction_at: firstReactionAt.get(type) ?? group.reactions.at(-1)?.createdAt,
      last_reaction_at: group.lastReactionAt,
      latest_reactions_by: group.reactions.slice(0, LATEST_REACTIONS_LIMIT).map((reaction) => ({
        user_id: reaction.userId,
        user: userResponse(context, reaction.userId),
        created_at: reaction.createdAt,
      })),
    };
  }
  const own =
    viewerId === undefined ? [] : newest.filter((reaction) => reaction.userId === viewerId);
  return {
    latest_reactions: newest
      .slice(0, LATEST_REACTIONS_LIMIT)
      .map((reaction) => reactionResponse(context, reaction)),
    own_reactions: own
      .slice(0, LATEST_REACTIONS_LIMIT)
      .map((reaction) => reactionResponse(context, reaction)),
    reaction_counts: counts,
    reaction_scores: scores,
    reaction_groups: wireGroups,
  };
}
