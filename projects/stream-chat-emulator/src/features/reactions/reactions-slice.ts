import { z } from 'zod';
import { ChatStore } from '../../store/chat-store';
import { defineSlice } from '../../store/slices';
import { ReactionIndex, StoredReaction } from './reaction-index';
import { customReactionData, isReactionType } from './reaction-input';

const persistedReaction = z.looseObject({
  type: z.string(),
  user_id: z.string(),
  score: z.number().int().min(1).optional(),
  created_at: z.iso.datetime().optional(),
  updated_at: z.iso.datetime().optional(),
});

const persistedMessageReactions = z.object({
  reactions: z.array(persistedReaction),
  first_reaction_at: z.record(z.string(), z.iso.datetime()).optional(),
});

/**
 * The `reactions` key of seed and data files: by message id, its reactions (flat custom
 * fields; `score`, `created_at` and `updated_at` may be left out in hand-written seeds) and
 * when each type was first used.
 */
export const persistedReactionsSchema = z.record(z.string(), persistedMessageReactions);

/** The `reactions` key's content, as validated. */
export type PersistedReactions = z.infer<typeof persistedReactionsSchema>;

/** Reactions by message, persisted under `reactions`; dropped with their message or channel. */
export const reactionsSlice = defineSlice<ReactionIndex, PersistedReactions | undefined>({
  name: 'reactions',
  create: () => new ReactionIndex(),
  persistence: {
    key: 'reactions',
    schema: persistedReactionsSchema.optional(),
    snapshot: snapshotReactions,
    load: loadReactions,
  },
  onRemoved: (index, removed) => index.dropMessages(removed.messageIds),
});

/** The `reactions` key's content; `undefined` (no key) when no message has reactions. */
function snapshotReactions(index: ReactionIndex): PersistedReactions | undefined {
  const persisted: PersistedReactions = {};
  for (const messageId of index.messageIds()) {
    const { reactions, firstReactionAt } = index.of(messageId);
    persisted[messageId] = {
      reactions: reactions.map((reaction) => ({
        ...reaction.data,
        type: reaction.type,
        user_id: reaction.userId,
        score: reaction.score,
        created_at: reaction.createdAt,
        updated_at: reaction.updatedAt,
      })),
      first_reaction_at: Object.fromEntries(firstReactionAt),
    };
  }
  return Object.keys(persisted).length > 0 ? persisted : undefined;
}

function loadReactions(
  index: ReactionIndex,
  data: PersistedReactions | undefined,
  store: ChatStore,
): void {
  for (const [messageId, entry] of Object.entries(data ?? {})) {
    if (!store.getMessage(messageId)) {
      throw new Error(`message "${messageId}" does not exist`);
    }
    const loaded = entry.reactions.map((item, position): StoredReaction => {
      const where = `${messageId}.reactions[${position}]`;
      if (!isReactionType(item.type)) {
        throw new Error(`${where}: type "${item.type}" is not a valid reaction type`);
      }
      if (!store.users.get(item.user_id)) {
        throw new Error(`${where}: user "${item.user_id}" does not exist`);
      }
      const createdAt = item.created_at ?? store.clock.next();
      return {
        messageId,
        userId: item.user_id,
        type: item.type,
        score: item.score ?? 1,
        createdAt,
        updatedAt: item.updated_at ?? createdAt,
        data: customReactionData(item),
      };
    });
    for (const [type, at] of Object.entries(entry.first_reaction_at ?? {})) {
      index.setFirstReactionAt(messageId, type, at);
    }
    const byTime = [...loaded].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    for (const reaction of byTime) {
      if (index.find(messageId, reaction.userId, reaction.type)) {
        throw new Error(
          `${messageId}: user "${reaction.userId}" has two reactions of type "${reaction.type}"`,
        );
      }
      index.add(reaction);
      store.clock.advancePast(reaction.updatedAt);
    }
  }
}
