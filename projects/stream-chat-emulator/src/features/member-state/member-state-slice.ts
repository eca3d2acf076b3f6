import { z } from 'zod';
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

/** Member states by channel cid, then by user id. */
export class MemberStateTable {
  private readonly byChannel = new Map<string, Map<string, MemberState>>();

  /** The member's state, or `undefined` when it has none. */
  get(cid: string, userId: string): MemberState | undefined {
    return this.byChannel.get(cid)?.get(userId);
  }

  /** Stores the member's state; an empty state is dropped. */
  put(cid: string, userId: string, state: MemberState): void {
    let members = this.byChannel.get(cid);
    if (!members) {
      members = new Map();
      this.byChannel.set(cid, members);
    }
    if (isEmpty(state)) {
      members.delete(userId);
    } else {
      members.set(userId, state);
    }
  }

  /** Drops the states of a deleted channel. */
  dropChannel(cid: string): void {
    this.byChannel.delete(cid);
  }

  /** Drops the states of members who left a channel. */
  dropMembers(cid: string, userIds: string[]): void {
    for (const userId of userIds) {
      this.byChannel.get(cid)?.delete(userId);
    }
  }

  /** Every stored state with its channel and user. */
  entries(): { cid: string; userId: string; state: MemberState }[] {
    return [...this.byChannel].flatMap(([cid, members]) =>
      [...members].map(([userId, state]) => ({ cid, userId, state })),
    );
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
      table.entries().map(({ cid, userId, state }) => ({
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
  onRemoved: (table, removed) => {
    if (removed.channelCid) {
      table.dropChannel(removed.channelCid);
    }
    if (removed.members) {
      table.dropMembers(removed.members.cid, removed.members.userIds);
    }
  },
});
