import { z } from 'zod';
import { defineSlice } from '../../store/slices';

/** One user's mute of one channel. */
export interface ChannelMuteRecord {
  createdAt: string;
  updatedAt: string;
  /** When the mute ends; never when missing. */
  expires?: string;
}

/** Channel mutes by user id, then by cid. */
export type ChannelMutes = Map<string, Map<string, ChannelMuteRecord>>;

const persistedMute = z.object({
  user_id: z.string(),
  channel_cid: z.string(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  expires: z.iso.datetime().optional(),
});

/** Whether a mute is in force at `now` (milliseconds since the epoch). */
export function isActiveMute(mute: ChannelMuteRecord, now: number = Date.now()): boolean {
  return mute.expires === undefined || Date.parse(mute.expires) > now;
}

/** The user's mute of the channel while it is in force, else `undefined`. */
export function activeChannelMute(
  state: ChannelMutes,
  userId: string,
  cid: string,
): ChannelMuteRecord | undefined {
  const mute = state.get(userId)?.get(cid);
  return mute && isActiveMute(mute) ? mute : undefined;
}

/** The user's channel mutes in force, by cid, oldest first. */
export function activeChannelMutes(
  state: ChannelMutes,
  userId: string,
): [string, ChannelMuteRecord][] {
  return [...(state.get(userId) ?? [])].filter(([, mute]) => isActiveMute(mute));
}

/**
 * Which users muted which channels, persisted under `channel_mutes`. A muted channel's new
 * messages do not raise the muter's unread count.
 */
export const channelMutesSlice = defineSlice<ChannelMutes, z.infer<typeof persistedMute>[]>({
  name: 'channel-mutes',
  create: () => new Map(),
  persistence: {
    key: 'channel_mutes',
    schema: z.array(persistedMute),
    snapshot: (state) =>
      [...state].flatMap(([userId, byCid]) =>
        [...byCid].map(([cid, mute]) => ({
          user_id: userId,
          channel_cid: cid,
          created_at: mute.createdAt,
          updated_at: mute.updatedAt,
          ...(mute.expires ? { expires: mute.expires } : {}),
        })),
      ),
    load: (state, data, store) => {
      for (const entry of data) {
        if (!store.users.get(entry.user_id)) {
          throw new Error(`user ${entry.user_id} does not exist`);
        }
        if (!store.getChannel(entry.channel_cid)) {
          throw new Error(`channel ${entry.channel_cid} does not exist`);
        }
        let byCid = state.get(entry.user_id);
        if (!byCid) {
          byCid = new Map();
          state.set(entry.user_id, byCid);
        }
        byCid.set(entry.channel_cid, {
          createdAt: entry.created_at,
          updatedAt: entry.updated_at,
          expires: entry.expires,
        });
      }
    },
  },
  onRemoved: (state, removed) => {
    if (removed.channelCid) {
      for (const byCid of state.values()) {
        byCid.delete(removed.channelCid);
      }
    }
  },
  suppressesUnread: (state, channel, _message, readerId) =>
    activeChannelMute(state, readerId, channel.cid) !== undefined,
});
