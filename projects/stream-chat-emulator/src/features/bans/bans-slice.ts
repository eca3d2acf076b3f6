import { z } from 'zod';
import { defineSlice } from '../../store/slices';

/** A ban of one user, app-wide (no `cid`) or in one channel. Times are ISO strings. */
export interface Ban {
  userId: string;
  /** The channel the ban applies to; app-wide when absent. */
  cid?: string;
  /** Who banned (absent for server-side bans without `banned_by_id`). */
  bannedById?: string;
  reason?: string;
  /** A shadow ban: the user notices nothing, others get the messages with `shadowed: true`. */
  shadow: boolean;
  createdAt: string;
  /** When the ban ends (from `timeout`, in minutes); none for a permanent ban. */
  expires?: string;
}

/** The bans, plus the ids of messages sent under a shadow ban. */
export interface BanState {
  /** By {@link banKey}. */
  bans: Map<string, Ban>;
  /** Messages stored while their sender was shadow-banned. */
  shadowedMessageIds: Set<string>;
}

/** The key of a ban: the scope (`cid`, or empty for app-wide) and the user. */
export function banKey(userId: string, cid: string | undefined): string {
  return `${cid ?? ''}|${userId}`;
}

/** Whether a ban is still in force at `now` (milliseconds). */
export function isBanActive(ban: Ban, now: number = Date.now()): boolean {
  return ban.expires === undefined || Date.parse(ban.expires) > now;
}

const persistedBans = z.object({
  bans: z.array(
    z.object({
      user_id: z.string(),
      channel_cid: z.string().optional(),
      banned_by_id: z.string().optional(),
      reason: z.string().optional(),
      shadow: z.boolean(),
      created_at: z.string(),
      expires: z.string().optional(),
    }),
  ),
  shadowed_message_ids: z.array(z.string()),
});

/** Bans and shadowed messages, persisted under `bans`. */
export const bansSlice = defineSlice<BanState, z.infer<typeof persistedBans>>({
  name: 'bans',
  create: () => ({ bans: new Map(), shadowedMessageIds: new Set() }),
  persistence: {
    key: 'bans',
    schema: persistedBans,
    snapshot: (state, store) => ({
      bans: [...state.bans.values()]
        .filter((ban) => store.users.get(ban.userId) && (!ban.cid || store.getChannel(ban.cid)))
        .map((ban) => ({
          user_id: ban.userId,
          ...(ban.cid ? { channel_cid: ban.cid } : {}),
          ...(ban.bannedById ? { banned_by_id: ban.bannedById } : {}),
          ...(ban.reason !== undefined ? { reason: ban.reason } : {}),
          shadow: ban.shadow,
          created_at: ban.createdAt,
          ...(ban.expires ? { expires: ban.expires } : {}),
        })),
      shadowed_message_ids: [...state.shadowedMessageIds].filter((id) => store.getMessage(id)),
    }),
    load: (state, data, store) => {
      for (const entry of data.bans) {
        if (!store.users.get(entry.user_id)) {
          throw new Error(`bans: user "${entry.user_id}" does not exist`);
        }
        if (entry.channel_cid && !store.getChannel(entry.channel_cid)) {
          throw new Error(`bans: channel "${entry.channel_cid}" does not exist`);
        }
        state.bans.set(banKey(entry.user_id, entry.channel_cid), {
          userId: entry.user_id,
          cid: entry.channel_cid,
          bannedById: entry.banned_by_id,
          reason: entry.reason,
          shadow: entry.shadow,
          createdAt: entry.created_at,
          expires: entry.expires,
        });
      }
      for (const id of data.shadowed_message_ids) {
        if (!store.getMessage(id)) {
          throw new Error(`bans: shadowed message "${id}" does not exist`);
        }
        state.shadowedMessageIds.add(id);
      }
    },
  },
  onRemoved: (state, removed) => {
    for (const id of removed.messageIds) {
      state.shadowedMessageIds.delete(id);
    }
    if (removed.channelCid) {
      for (const [key, ban] of state.bans) {
        if (ban.cid === removed.channelCid) {
          state.bans.delete(key);
        }
      }
    }
  },
});
