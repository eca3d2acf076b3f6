import { z } from 'zod';
import { MemberTable } from '../../store/member-table';
import { defineSlice } from '../../store/slices';

/** Where an invitation stands (`src/types.ts: InviteStatus`, without `member`). */
export type InviteStatus = 'pending' | 'accepted' | 'rejected';

/** A member's invitation to a channel. */
export interface Invite {
  status: InviteStatus;
  /** When the (latest) invitation was sent. */
  invitedAt: string;
  acceptedAt?: string;
  rejectedAt?: string;
}

/** Invitations by channel cid, then by invited user id. */
export type InviteTable = MemberTable<Invite>;

const persistedInvite = z.object({
  cid: z.string(),
  user_id: z.string(),
  status: z.enum(['pending', 'accepted', 'rejected']),
  invited_at: z.iso.datetime(),
  invite_accepted_at: z.iso.datetime().optional(),
  invite_rejected_at: z.iso.datetime().optional(),
});

/** How invitations are kept in seed and data files, under `invites`. */
export type PersistedInvites = z.infer<typeof persistedInvite>[];

/**
 * Channel invitations, persisted under `invites`. Pending and rejected invitees are
 * members whose unread count new messages do not raise.
 */
export const inviteSlice = defineSlice<InviteTable, PersistedInvites>({
  name: 'invites',
  create: (): InviteTable => new MemberTable<Invite>(),
  persistence: {
    key: 'invites',
    schema: z.array(persistedInvite),
    snapshot: (table) =>
      table.entries().map(({ cid, userId, value: invite }) => ({
        cid,
        user_id: userId,
        status: invite.status,
        invited_at: invite.invitedAt,
        ...(invite.acceptedAt ? { invite_accepted_at: invite.acceptedAt } : {}),
        ...(invite.rejectedAt ? { invite_rejected_at: invite.rejectedAt } : {}),
      })),
    load: (table, entries, store) => {
      for (const entry of entries) {
        if (!store.getChannel(entry.cid)?.members.has(entry.user_id)) {
          throw new Error(
            `invited user "${entry.user_id}" is not a member of channel "${entry.cid}"`,
          );
        }
        table.put(entry.cid, entry.user_id, {
          status: entry.status,
          invitedAt: entry.invited_at,
          acceptedAt: entry.invite_accepted_at,
          rejectedAt: entry.invite_rejected_at,
        });
      }
    },
  },
  onRemoved: (table, removed) => table.dropRemoved(removed),
  suppressesUnread: (table, channel, _message, readerId) => {
    const status = table.get(channel.cid, readerId)?.status;
    return status !== undefined && status !== 'accepted';
  },
});
