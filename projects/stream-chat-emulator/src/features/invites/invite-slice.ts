import { z } from 'zod';
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
export class InviteTable {
  private readonly byChannel = new Map<string, Map<string, Invite>>();

  /** The user's invitation to the channel, or `undefined` when never invited. */
  get(cid: string, userId: string): Invite | undefined {
    return this.byChannel.get(cid)?.get(userId);
  }

  /** Stores the user's invitation to the channel. */
  put(cid: string, userId: string, invite: Invite): void {
    let invites = this.byChannel.get(cid);
    if (!invites) {
      invites = new Map();
      this.byChannel.set(cid, invites);
    }
    invites.set(userId, invite);
  }

  /** Drops the invitations of a deleted channel. */
  dropChannel(cid: string): void {
    this.byChannel.delete(cid);
  }

  /** Drops the invitations of members who left a channel. */
  dropMembers(cid: string, userIds: string[]): void {
    for (const userId of userIds) {
      this.byChannel.get(cid)?.delete(userId);
    }
  }

  /** Every invitation with its channel and user. */
  entries(): { cid: string; userId: string; invite: Invite }[] {
    return [...this.byChannel].flatMap(([cid, invites]) =>
      [...invites].map(([userId, invite]) => ({ cid, userId, invite })),
    );
  }
}

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
  create: () => new InviteTable(),
  persistence: {
    key: 'invites',
    schema: z.array(persistedInvite),
    snapshot: (table) =>
      table.entries().map(({ cid, userId, invite }) => ({
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
  onRemoved: (table, removed) => {
    if (removed.channelCid) {
      table.dropChannel(removed.channelCid);
    }
    if (removed.members) {
      table.dropMembers(removed.members.cid, removed.members.userIds);
    }
  },
  suppressesUnread: (table, channel, _message, readerId) => {
    const status = table.get(channel.cid, readerId)?.status;
    return status !== undefined && status !== 'accepted';
  },
});
