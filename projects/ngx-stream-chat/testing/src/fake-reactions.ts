import type { ChatMessage, ChatUser } from 'ngx-stream-chat';
import type { ReactionResponse } from 'stream-chat';

/** `message` with `user`'s reaction of `type` added (unchanged when the user already has it). */
export function withReaction(
  message: ChatMessage,
  type: string,
  user: ChatUser | undefined,
  customData: Record<string, unknown> = {},
): ChatMessage {
  const own = message.own_reactions ?? [];
  if (own.some((reaction) => reaction.type === type)) return message;
  const reaction = {
    ...customData,
    type,
    message_id: message.id,
    user_id: user?.id,
    user: user ? { id: user.id, name: user.name } : undefined,
    score: 1,
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
  } as ReactionResponse;
  return {
    ...message,
    own_reactions: [...own, reaction],
    latest_reactions: [...(message.latest_reactions ?? []), reaction],
    reaction_counts: {
      ...message.reaction_counts,
      [type]: (message.reaction_counts?.[type] ?? 0) + 1,
    },
    reaction_scores: {
      ...message.reaction_scores,
      [type]: (message.reaction_scores?.[type] ?? 0) + 1,
    },
  };
}

/** `message` without `userId`'s reaction of `type` (unchanged when the user has none). */
export function withoutReaction(
  message: ChatMessage,
  type: string,
  userId: string | undefined,
): ChatMessage {
  const own = message.own_reactions ?? [];
  if (!own.some((reaction) => reaction.type === type)) return message;
  const count = (message.reaction_counts?.[type] ?? 1) - 1;
  const counts = { ...message.reaction_counts, [type]: count };
  const scores = { ...message.reaction_scores, [type]: count };
  if (count <= 0) {
    delete counts[type];
    delete scores[type];
  }
  return {
    ...message,
    own_reactions: own.filter((reaction) => reaction.type !== type),
    latest_reactions: (message.latest_reactions ?? []).filter(
      (reaction) => !(reaction.type === type && reaction.user_id === userId),
    ),
    reaction_counts: counts,
    reaction_scores: scores,
  };
}
