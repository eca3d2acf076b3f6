import type { Channel, ChannelMemberResponse } from 'stream-chat';

/** The connected user's membership of the channel, as the client keeps it. */
function membershipOf(channel: Channel): ChannelMemberResponse | undefined {
  return channel.state?.membership;
}

/** Whether the user muted the channel (the client's own mute list, which events keep current). */
export function isMuted(channel: Channel): boolean {
  try {
    return channel.muteStatus().muted;
  } catch {
    // A channel of a client that has gone (after a disconnect) has no mute state.
    return false;
  }
}

/** Whether the user pinned the channel. */
export function isPinned(channel: Channel): boolean {
  return !!membershipOf(channel)?.pinned_at;
}

/** Whether the user archived the channel. */
export function isArchived(channel: Channel): boolean {
  return !!membershipOf(channel)?.archived_at;
}

/**
 * Whether the user was invited and has not accepted yet (pending or declined): such channels are
 * not the user's yet, so the list leaves them out; invitations show on their own.
 */
export function isUnacceptedInvite(channel: Channel): boolean {
  const membership = membershipOf(channel);
  return membership?.invited === true && !membership.invite_accepted_at;
}

/** The user's channels in the order the list shows them: pinned, the rest, and archived. */
export interface ChannelGroups {
  /** Pinned channels that are not archived, in list order. */
  pinned: Channel[];
  /** Channels neither pinned nor archived, in list order. */
  others: Channel[];
  /** Archived channels, in list order. */
  archived: Channel[];
}

/** Splits the list into pinned, other and archived channels, leaving out unaccepted invitations. */
export function groupChannels(channels: readonly Channel[]): ChannelGroups {
  const groups: ChannelGroups = { pinned: [], others: [], archived: [] };
  for (const channel of channels) {
    if (isUnacceptedInvite(channel)) {
      continue;
    }
    if (isArchived(channel)) {
      groups.archived.push(channel);
    } else if (isPinned(channel)) {
      groups.pinned.push(channel);
    } else {
      groups.others.push(channel);
    }
  }
  return groups;
}
