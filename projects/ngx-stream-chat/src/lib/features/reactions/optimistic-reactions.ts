import type { LocalMessage, ReactionGroupResponse, ReactionResponse } from 'stream-chat';

/** `counts` with `type` changed by `delta`; the type is dropped when it reaches 0. */
function bump(
  counts: Record<string, number> | null | undefined,
  type: string,
  delta: number,
): Record<string, number> {
  const next = { ...counts };
  const value = (next[type] ?? 0) + delta;
  if (value > 0) next[type] = value;
  else delete next[type];
  return next;
}

/** The message as it will be once the server has stored `reaction`. */
export function withOwnReaction(message: LocalMessage, reaction: ReactionResponse): LocalMessage {
  const now = new Date().toISOString();
  const groups: Record<string, ReactionGroupResponse> = { ...message.reaction_groups };
  const group = groups[reaction.type];
  groups[reaction.type] = {
    count: (group?.count ?? 0) + 1,
    sum_scores: (group?.sum_scores ?? 0) + (reaction.score ?? 1),
    first_reaction_at: group?.first_reaction_at ?? now,
    last_reaction_at: now,
  };
  return {
    ...message,
    reaction_counts: bump(message.reaction_counts, reaction.type, 1),
    reaction_scores: bump(message.reaction_scores, reaction.type, reaction.score ?? 1),
    reaction_groups: groups,
    own_reactions: [...(message.own_reactions ?? []), reaction],
    latest_reactions: [reaction, ...(message.latest_reactions ?? [])],
  };
}

/** The message as it will be once the server has removed the user's reaction of `type`. */
export function withoutOwnReaction(
  message: LocalMessage,
  type: string,
  userId: string,
): LocalMessage {
  const own = message.own_reactions?.find((reaction) => reaction.type === type);
  const score = own?.score ?? 1;
  const groups: Record<string, ReactionGroupResponse> = { ...message.reaction_groups };
  const group = groups[type];
  if (group && group.count > 1) {
    groups[type] = { ...group, count: group.count - 1, sum_scores: group.sum_scores - score };
  } else {
    delete groups[type];
  }
  const isOwn = (reaction: ReactionResponse) =>
    reaction.type === type && (reaction.user_id ?? reaction.user?.id) === userId;
  return {
    ...message,
    reaction_counts: bump(message.reaction_counts, type, -1),
    reaction_scores: bump(message.reaction_scores, type, -score),
    reaction_groups: groups,
    own_reactions: (message.own_reactions ?? []).filter((reaction) => !isOwn(reaction)),
    latest_reactions: (message.latest_reactions ?? []).filter((reaction) => !isOwn(reaction)),
  };
}
