import type { Channel } from 'stream-chat';

/** A channel member as presence views show them. */
export interface MemberPresence {
  id: string;
  name: string;
  image: string | undefined;
  /** Whether they are connected now (the connected user always is). */
  online: boolean;
}

/** Who is in a channel, and who of them is online. */
export interface ChannelPresence {
  /** The members, online first, then by name. */
  members: MemberPresence[];
  /** How many members the channel has (the server's count when it knows more than are loaded). */
  memberCount: number;
  /** How many members are online. */
  onlineCount: number;
  /** How many connections watch the channel. */
  watcherCount: number;
}

function imageOf(user: { image?: unknown } | undefined): string | undefined {
  return typeof user?.image === 'string' ? user.image : undefined;
}

/** The channel's members and their presence, from `channel.state.members` as the client keeps it. */
export function channelPresence(channel: Channel, ownUserId: string | undefined): ChannelPresence {
  const members: MemberPresence[] = Object.values(channel.state.members ?? {})
    .filter((member) => !!member.user?.id || !!member.user_id)
    .map((member) => {
      const id = member.user?.id ?? member.user_id!;
      return {
        id,
        name: member.user?.name || id,
        image: imageOf(member.user),
        online: id === ownUserId || member.user?.online === true,
      };
    })
    .sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name));
  return {
    members,
    memberCount: Math.max(channel.data?.member_count ?? 0, members.length),
    onlineCount: members.filter((member) => member.online).length,
    watcherCount: channel.state.watcher_count ?? 0,
  };
}

/** The other member of a one-to-one channel (exactly two members); `undefined` otherwise. */
export function counterpartOf(
  presence: ChannelPresence,
  ownUserId: string | undefined,
): MemberPresence | undefined {
  if (presence.memberCount !== 2 || !ownUserId) {
    return undefined;
  }
  return presence.members.find((member) => member.id !== ownUserId);
}

/**
 * The channel header's line: "3 members, 2 online" for member channels, "Public livestream,
 * 4 watching" for livestreams.
 */
export function presenceLine(channel: Channel, presence: ChannelPresence): string {
  if (channel.type === 'livestream') {
    const watching = presence.watcherCount;
    return watching > 0 ? `Public livestream, ${watching} watching` : 'Public livestream';
  }
  const count = presence.memberCount;
  return `${count} ${count === 1 ? 'member' : 'members'}, ${presence.onlineCount} online`;
}
