import { z } from 'zod';
import { MemberTable } from '../../store/member-table';
import { defineSlice } from '../../store/slices';

/** One member's own view of a channel: pin, archive and custom member fields. */
export interface MemberState {
  /** When the member pinned the channel; unset when not pinned. */
  pinnedAt?: string;
  /** When the member archived the channel; unset when not archived. */
  archivedAt?: string;
  /** Custom member fields (`set: {color: 'red'}`), sent flat on the member. */
  data: Record<string, unknown>;
}

/** Member states by channel cid, then by user id; an empty state is not kept. */
export class MemberStateTable extends MemberTable<MemberState> {
  /** Stores the member's state; an empty state is dropped. */
  override put(cid: string, userId: string, state: MemberState): void {
    if (isEmpty(state)) {
      this.delete(cid, userId);
    } else {
      super.put(cid, userId, state);
    }
  }
}

function isEmpty(state: MemberState): boolean {
  return !state.pinnedAt && !state.archivedAt && Object.keys(state.data).length === 0;
}

const persistedMemberState = z.object({
  cid: z.string(),
  user_id: z.string(),
  pinned_at: z.iso.datetime().optional(),
  archived_at: z.iso.datetime().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

/** How member states are kept in seed and data files, under `member_states`. */
export type PersistedMemberStates = z.infer<typeof persistedMemberState>[];

/** Pin, archive and custom member fields of every member, persisted under `member_states`. */
export const memberStateSlice = defineSlice<MemberStateTable, PersistedMemberStates>({
  name: 'member-state',
  create: () => new MemberStateTable(),
  persistence: {
    key: 'member_states',
    schema: z.array(persistedMemberState),
    snapshot: (table) =>
      table.entries().map(({ cid, userId, value: state }) => ({
        cid,
        user_id: userId,
        ...(state.pinnedAt ? { pinned_at: state.pinnedAt } : {}),
        ...(state.archivedAt ? { archived_at: state.archivedAt } : {}),
        ...(Object.keys(state.data).length > 0 ? { data: state.data } : {}),
      })),
    load: (table, entries, store) => {
      for (const entry of entries) {
        if (!store.getChannel(entry.cid)?.members.has(entry.user_id)) {
          throw new Error(`"${entry.user_id}" is not a member of channel "${entry.cid}"`);
        }
        table.put(entry.cid, entry.user_id, {
          pinnedAt: entry.pinned_at,
          archivedAt: entry.archived_at,
          data: entry.data ?? {},
        });
      }
    },
  },
  onRemoved: (table, removed) => table.dropRemoved(removed),
});
