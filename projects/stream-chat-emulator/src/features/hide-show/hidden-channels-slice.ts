import { z } from 'zod';
import { MemberTable } from '../../store/member-table';
import { defineSlice } from '../../store/slices';

/** One member's view of one channel: hidden or not, and the history they cleared. */
export interface HiddenChannelState {
  /** Whether the channel is hidden from the member's channel list. */
  hidden: boolean;
  /** Messages created before this time are hidden from the member (`clear_history`). */
  messagesBefore?: string;
}

/** Hidden state by cid, then by user id. */
export type HiddenChannels = MemberTable<HiddenChannelState>;

const persistedEntry = z.object({
  channel_cid: z.string(),
  user_id: z.string(),
  hidden: z.boolean(),
  hide_messages_before: z.iso.datetime().optional(),
});

/** The hidden state of a member, created (visible) when missing. */
export function ensureHiddenState(
  state: HiddenChannels,
  cid: string,
  userId: string,
): HiddenChannelState {
  return state.ensure(cid, userId, () => ({ hidden: false }));
}

/** Which members hid which channels, persisted under `hidden_channels`. */
export const hiddenChannelsSlice = defineSlice<HiddenChannels, z.infer<typeof persistedEntry>[]>({
  name: 'hidden-channels',
  create: (): HiddenChannels => new MemberTable<HiddenChannelState>(),
  persistence: {
    key: 'hidden_channels',
    schema: z.array(persistedEntry),
    snapshot: (state) =>
      state.entries().map(({ cid, userId, value: entry }) => ({
        channel_cid: cid,
        user_id: userId,
        hidden: entry.hidden,
        ...(entry.messagesBefore ? { hide_messages_before: entry.messagesBefore } : {}),
      })),
    load: (state, data, store) => {
      for (const entry of data) {
        if (!store.getChannel(entry.channel_cid)?.members.has(entry.user_id)) {
          throw new Error(`${entry.user_id} is not a member of channel ${entry.channel_cid}`);
        }
        Object.assign(ensureHiddenState(state, entry.channel_cid, entry.user_id), {
          hidden: entry.hidden,
          messagesBefore: entry.hide_messages_before,
        });
      }
    },
  },
  onRemoved: (state, removed) => state.dropRemoved(removed),
});
