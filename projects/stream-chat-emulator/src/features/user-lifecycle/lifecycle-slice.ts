import { z } from 'zod';
import { defineSlice } from '../../store/slices';

/** A user's deactivation or soft deletion. Times are ISO strings. */
export interface UserStatus {
  deactivatedAt?: string;
  deletedAt?: string;
}

/** A finished background task (`POST /users/delete`), as `GET /tasks/{id}` reports it. */
export interface TaskRecord {
  id: string;
  createdAt: string;
  /** What the task did, by user id (`{alice: 'deleted'}`). */
  result: Record<string, string>;
}

/** Deactivated and deleted users, and finished tasks. */
export interface LifecycleState {
  users: Map<string, UserStatus>;
  tasks: Map<string, TaskRecord>;
}

const persistedLifecycle = z.object({
  users: z.array(
    z.object({
      user_id: z.string(),
      deactivated_at: z.string().optional(),
      deleted_at: z.string().optional(),
    }),
  ),
  tasks: z.array(
    z.object({ id: z.string(), created_at: z.string(), result: z.record(z.string(), z.string()) }),
  ),
});

/** Deactivations, soft deletions and tasks, persisted under `user_lifecycle`. */
export const lifecycleSlice = defineSlice<LifecycleState, z.infer<typeof persistedLifecycle>>({
  name: 'user-lifecycle',
  create: () => ({ users: new Map(), tasks: new Map() }),
  persistence: {
    key: 'user_lifecycle',
    schema: persistedLifecycle,
    snapshot: (state, store) => ({
      users: [...state.users]
        .filter(([userId]) => store.users.get(userId))
        .map(([userId, status]) => ({
          user_id: userId,
          ...(status.deactivatedAt ? { deactivated_at: status.deactivatedAt } : {}),
          ...(status.deletedAt ? { deleted_at: status.deletedAt } : {}),
        })),
      tasks: [...state.tasks.values()].map((task) => ({
        id: task.id,
        created_at: task.createdAt,
        result: task.result,
      })),
    }),
    load: (state, data, store) => {
      for (const entry of data.users) {
        if (!store.users.get(entry.user_id)) {
          throw new Error(`user_lifecycle: user "${entry.user_id}" does not exist`);
        }
        state.users.set(entry.user_id, {
          deactivatedAt: entry.deactivated_at,
          deletedAt: entry.deleted_at,
        });
      }
      for (const task of data.tasks) {
        state.tasks.set(task.id, { id: task.id, createdAt: task.created_at, result: task.result });
      }
    },
  },
});
