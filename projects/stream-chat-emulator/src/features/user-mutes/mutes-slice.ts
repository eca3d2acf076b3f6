import { z } from 'zod';
import { ChatStore } from '../../store/chat-store';
import { defineSlice } from '../../store/slices';

/** One user muting another. Times are ISO strings. */
export interface UserMute {
  userId: string;
  targetId: string;
  createdAt: string;
  updatedAt: string;
  /** When the mute ends (from `timeout`, in minutes); none for a permanent mute. */
  expires?: string;
}

/** The mutes by muting user, then by target. */
export type UserMuteState = Map<string, Map<string, UserMute>>;

const persistedMute = z.object({
  user_id: z.string(),
  target_id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  expires: z.string().optional(),
});

/** Whether a mute is still in force at `now` (milliseconds). */
export function isMuteActive(mute: UserMute, now: number = Date.now()): boolean {
  return mute.expires === undefined || Date.parse(mute.expires) > now;
}

/** The user's mutes still in force, oldest first. */
export function activeMutesOf(state: UserMuteState, userId: string): UserMute[] {
  return [...(state.get(userId)?.values() ?? [])].filter((mute) => isMuteActive(mute));
}

/** User mutes, persisted under `user_mutes`. */
export const userMutesSlice = defineSlice<UserMuteState, z.infer<typeof persistedMute>[]>({
  name: 'user-mutes',
  create: () => new Map(),
  persistence: {
    key: 'user_mutes',
    schema: z.array(persistedMute),
    snapshot: (state, store) =>
      [...state.values()].flatMap((mutes) =>
        [...mutes.values()]
          .filter((mute) => store.users.get(mute.userId) && store.users.get(mute.targetId))
          .map((mute) => ({
            user_id: mute.userId,
            target_id: mute.targetId,
            created_at: mute.createdAt,
            updated_at: mute.updatedAt,
            ...(mute.expires ? { expires: mute.expires } : {}),
          })),
      ),
    load: (state, data, store: ChatStore) => {
      for (const entry of data) {
        for (const id of [entry.user_id, entry.target_id]) {
          if (!store.users.get(id)) {
            throw new Error(`user_mutes: user "${id}" does not exist`);
          }
        }
        putMute(state, {
          userId: entry.user_id,
          targetId: entry.target_id,
          createdAt: entry.created_at,
          updatedAt: entry.updated_at,
          expires: entry.expires,
        });
      }
    },
  },
});

/** Stores a mute, replacing the user's previous mute of the same target. */
export function putMute(state: UserMuteState, mute: UserMute): void {
  let mutes = state.get(mute.userId);
  if (!mutes) {
    mutes = new Map();
    state.set(mute.userId, mutes);
  }
  mutes.set(mute.targetId, mute);
}
