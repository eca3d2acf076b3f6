import { z } from 'zod';
import { defineSlice } from '../../store/slices';

/** One user's read position in one thread. */
export interface ThreadRead {
  /** Replies created after this time count as unread (those of others). */
  lastRead: string;
  lastReadMessageId?: string;
}

/** A thread's own data (`title` and custom fields set through `PATCH /threads/{id}`). */
export interface ThreadData {
  title?: string;
  custom: Record<string, unknown>;
  updatedAt: string;
}

/** What the threads feature keeps, keyed by the parent message id. */
export interface ThreadsState {
  /** Read positions: parent id → user id → read. */
  reads: Map<string, Map<string, ThreadRead>>;
  /** How many replies of a parent were soft-deleted (`deleted_reply_count`). */
  deletedReplies: Map<string, number>;
  /** Title and custom data set on threads. */
  data: Map<string, ThreadData>;
}

const persistedSchema = z.object({
  reads: z
    .array(
      z.object({
        parent_id: z.string(),
        user_id: z.string(),
        last_read: z.iso.datetime(),
        last_read_message_id: z.string().optional(),
      }),
    )
    .default([]),
  deleted_replies: z.record(z.string(), z.number().int().nonnegative()).default({}),
  data: z
    .array(
      z.object({
        parent_id: z.string(),
        title: z.string().optional(),
        custom: z.record(z.string(), z.unknown()).default({}),
        updated_at: z.iso.datetime(),
      }),
    )
    .default([]),
});

/** The persisted form of {@link ThreadsState} (key `threads` in seed and data files). */
export type PersistedThreads = z.output<typeof persistedSchema>;

/** Thread read state, deleted-reply counts and thread data, persisted under `threads`. */
export const threadsSlice = defineSlice<ThreadsState, PersistedThreads>({
  name: 'threads',
  create: () => ({ reads: new Map(), deletedReplies: new Map(), data: new Map() }),
  persistence: {
    key: 'threads',
    schema: persistedSchema as z.ZodType<PersistedThreads>,
    snapshot: (state) => ({
      reads: [...state.reads].flatMap(([parentId, byUser]) =>
        [...byUser].map(([userId, read]) => ({
          parent_id: parentId,
          user_id: userId,
          last_read: read.lastRead,
          ...(read.lastReadMessageId ? { last_read_message_id: read.lastReadMessageId } : {}),
        })),
      ),
      deleted_replies: Object.fromEntries(state.deletedReplies),
      data: [...state.data].map(([parentId, data]) => ({
        parent_id: parentId,
        ...(data.title !== undefined ? { title: data.title } : {}),
        custom: data.custom,
        updated_at: data.updatedAt,
      })),
    }),
    load: (state, data, store) => {
      const requireParent = (parentId: string, where: string): void => {
        if (!store.getMessage(parentId)) {
          throw new Error(`threads.${where}: "${parentId}" is not a message`);
        }
      };
      for (const read of data.reads) {
        requireParent(read.parent_id, 'reads');
        if (!store.users.get(read.user_id)) {
          throw new Error(`threads.reads: user "${read.user_id}" does not exist`);
        }
        const byUser = state.reads.get(read.parent_id) ?? new Map<string, ThreadRead>();
        byUser.set(read.user_id, {
          lastRead: read.last_read,
          ...(read.last_read_message_id ? { lastReadMessageId: read.last_read_message_id } : {}),
        });
        state.reads.set(read.parent_id, byUser);
      }
      for (const [parentId, count] of Object.entries(data.deleted_replies)) {
        requireParent(parentId, 'deleted_replies');
        state.deletedReplies.set(parentId, count);
      }
      for (const entry of data.data) {
        requireParent(entry.parent_id, 'data');
        state.data.set(entry.parent_id, {
          ...(entry.title !== undefined ? { title: entry.title } : {}),
          custom: entry.custom,
          updatedAt: entry.updated_at,
        });
      }
    },
  },
  onRemoved: (state, removed) => {
    for (const id of removed.messageIds) {
      state.reads.delete(id);
      state.deletedReplies.delete(id);
      state.data.delete(id);
    }
  },
});
