import { z } from 'zod';
import { defineSlice } from '../../store/slices';

/** A user's flag of a message or of a user. Times are ISO strings. */
export interface Flag {
  /** Who flagged. */
  userId: string;
  targetMessageId?: string;
  targetUserId?: string;
  reason?: string;
  createdAt: string;
  updatedAt: string;
}

/** Flags by {@link flagKey}. */
export type FlagState = Map<string, Flag>;

/** The key of a flag: who flagged and what. */
export function flagKey(
  userId: string,
  target: { messageId: string } | { userId: string },
): string {
  return 'messageId' in target ? `${userId}|m|${target.messageId}` : `${userId}|u|${target.userId}`;
}

const persistedFlag = z.object({
  user_id: z.string(),
  target_message_id: z.string().optional(),
  target_user_id: z.string().optional(),
  reason: z.string().optional(),
  created_at: z.string(),
  updated_at: z.string(),
});

/** Flags, persisted under `flags`. */
export const flagsSlice = defineSlice<FlagState, z.infer<typeof persistedFlag>[]>({
  name: 'flags',
  create: () => new Map(),
  persistence: {
    key: 'flags',
    schema: z.array(persistedFlag),
    snapshot: (state, store) =>
      [...state.values()]
        .filter(
          (flag) =>
            store.users.get(flag.userId) &&
            (flag.targetUserId === undefined || store.users.get(flag.targetUserId)),
        )
        .map((flag) => ({
          user_id: flag.userId,
          ...(flag.targetMessageId ? { target_message_id: flag.targetMessageId } : {}),
          ...(flag.targetUserId ? { target_user_id: flag.targetUserId } : {}),
          ...(flag.reason !== undefined ? { reason: flag.reason } : {}),
          created_at: flag.createdAt,
          updated_at: flag.updatedAt,
        })),
    load: (state, data, store) => {
      for (const entry of data) {
        const messageId = entry.target_message_id;
        const targetUserId = entry.target_user_id;
        if ((messageId === undefined) === (targetUserId === undefined)) {
          throw new Error('flags: each flag needs target_message_id or target_user_id');
        }
        if (messageId !== undefined && !store.getMessage(messageId)) {
          throw new Error(`flags: message "${messageId}" does not exist`);
        }
        for (const id of [entry.user_id, targetUserId]) {
          if (id !== undefined && !store.users.get(id)) {
            throw new Error(`flags: user "${id}" does not exist`);
          }
        }
        const key = flagKey(
          entry.user_id,
          messageId !== undefined ? { messageId } : { userId: targetUserId as string },
        );
        state.set(key, {
          userId: entry.user_id,
          targetMessageId: messageId,
          targetUserId,
          reason: entry.reason,
          createdAt: entry.created_at,
          updatedAt: entry.updated_at,
        });
      }
    },
  },
  onRemoved: (state, removed) => {
    const gone = new Set(removed.messageIds);
    for (const [key, flag] of state) {
      if (flag.targetMessageId && gone.has(flag.targetMessageId)) {
        state.delete(key);
      }
    }
  },
});
