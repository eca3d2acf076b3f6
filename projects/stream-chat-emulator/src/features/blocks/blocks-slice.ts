import { z } from 'zod';
import { defineSlice } from '../../store/slices';

/** The users each user blocked, with when: blocker id → blocked id → ISO time. */
export type BlockState = Map<string, Map<string, string>>;

const persistedBlock = z.object({
  user_id: z.string(),
  blocked_user_id: z.string(),
  created_at: z.string(),
});

/** The users a user blocked, oldest first. */
export function blockedIdsOf(state: BlockState, userId: string): string[] {
  return [...(state.get(userId)?.keys() ?? [])];
}

/** User blocks, persisted under `blocks`. */
export const blocksSlice = defineSlice<BlockState, z.infer<typeof persistedBlock>[]>({
  name: 'blocks',
  create: () => new Map(),
  persistence: {
    key: 'blocks',
    schema: z.array(persistedBlock),
    snapshot: (state, store) =>
      [...state].flatMap(([userId, blocked]) =>
        [...blocked]
          .filter(([blockedId]) => store.users.get(userId) && store.users.get(blockedId))
          .map(([blockedId, createdAt]) => ({
            user_id: userId,
            blocked_user_id: blockedId,
            created_at: createdAt,
          })),
      ),
    load: (state, data, store) => {
      for (const entry of data) {
        for (const id of [entry.user_id, entry.blocked_user_id]) {
          if (!store.users.get(id)) {
            throw new Error(`blocks: user "${id}" does not exist`);
          }
        }
        let blocked = state.get(entry.user_id);
        if (!blocked) {
          blocked = new Map();
          state.set(entry.user_id, blocked);
        }
        blocked.set(entry.blocked_user_id, entry.created_at);
      }
    },
  },
});
