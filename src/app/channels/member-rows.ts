import type { Channel } from 'stream-chat';

/** A member as the members dialog lists them. */
export interface MemberRow {
  id: string;
  name: string;
  image: string | undefined;
  /** Whether they are connected now (the connected user always is). */
  online: boolean;
  /** Whether it is the connected user. */
  own: boolean;
  /** Whether they moderate the channel. */
  moderator: boolean;
  /** Whether they were invited and have neither accepted nor declined yet. */
  invited: boolean;
  /** Whether they declined the invitation (they stay listed, and are not in the channel). */
  declined: boolean;
  /** Whether they are banned from the channel (or the app). */
  banned: boolean;
  /** Whether the connected user muted them. */
  muted: boolean;
}

/**
 * The channel's members, the connected user first, then by name, with their role, invitation
 * (pending or declined), ban and the connected user's mutes (`mutedUserIds`).
 */
export function memberRows(
  channel: Channel,
  ownUserId: string | undefined,
  mutedUserIds: ReadonlySet<string>,
): MemberRow[] {
  return Object.values(channel.state?.members ?? {})
    .filter((member) => !!(member.user?.id ?? member.user_id))
    .map((member) => {
      const id = (member.user?.id ?? member.user_id)!;
      return {
        id,
        name: member.user?.name || id,
        image: typeof member.user?.image === 'string' ? member.user.image : undefined,
        online: id === ownUserId || member.user?.online === true,
        own: id === ownUserId,
        moderator: member.channel_role === 'channel_moderator' || member.is_moderator === true,
        invited:
          member.invited === true && !member.invite_accepted_at && !member.invite_rejected_at,
        declined: member.invited === true && !!member.invite_rejected_at,
        banned: member.banned === true,
        muted: mutedUserIds.has(id),
      };
    })
    .sort((a, b) => Number(b.own) - Number(a.own) || a.name.localeCompare(b.name));
}
