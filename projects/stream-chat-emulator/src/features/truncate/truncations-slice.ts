import { z } from 'zod';
import { defineSlice } from '../../store/slices';

/** The latest truncation of a channel. */
export interface TruncationRecord {
  /** Messages created before this time were removed. */
  truncatedAt: string;
  /** The user who truncated it, if a user did. */
  truncatedById?: string;
}

/** Truncations by cid. */
export type Truncations = Map<string, TruncationRecord>;

const persistedTruncation = z.object({
  channel_cid: z.string(),
  truncated_at: z.iso.datetime(),
  truncated_by_id: z.string().optional(),
});

/** When each channel was last truncated, persisted under `channel_truncations`. */
export const truncationsSlice = defineSlice<Truncations, z.infer<typeof persistedTruncation>[]>({
  name: 'channel-truncations',
  create: () => new Map(),
  persistence: {
    key: 'channel_truncations',
    schema: z.array(persistedTruncation),
    snapshot: (state) =>
      [...state].map(([cid, truncation]) => ({
        channel_cid: cid,
        truncated_at: truncation.truncatedAt,
        ...(truncation.truncatedById ? { truncated_by_id: truncation.truncatedById } : {}),
      })),
    load: (state, data, store) => {
      for (const entry of data) {
        if (!store.getChannel(entry.channel_cid)) {
          throw new Error(`channel ${entry.channel_cid} does not exist`);
        }
        state.set(entry.channel_cid, {
          truncatedAt: entry.truncated_at,
          truncatedById: entry.truncated_by_id,
        });
      }
    },
  },
  onRemoved: (state, removed) => {
    if (removed.channelCid) {
      state.delete(removed.channelCid);
    }
  },
});
