import type { Channel, ChannelMemberResponse } from 'stream-chat';

/** Above this many members, the channel's members are searched on the server. */
const LOCAL_MEMBER_LIMIT = 100;

/** Whether the member's name or id contains `term` (case-insensitive). */
function matches(member: ChannelMemberResponse, term: string): boolean {
  const user = member.user;
  return [user?.name, user?.id ?? member.user_id].some(
    (value) => typeof value === 'string' && value.toLowerCase().includes(term),
  );
}

/**
 * The channel's members other than the connected user whose name or id matches `searchTerm`:
 * searched in the members the client holds when it holds them all, otherwise with `queryMembers`
 * and `$autocomplete` on the name.
 */
export async function autocompleteChannelMembers(
  channel: Channel,
  searchTerm: string,
  outside: <T>(work: () => T) => T,
): Promise<ChannelMemberResponse[]> {
  const members = Object.values(channel.state.members);
  const total = channel.data?.member_count ?? members.length;
  const term = searchTerm.trim().toLowerCase();
  const ownId = channel.getClient().userID;
  const other = (member: ChannelMemberResponse) => (member.user?.id ?? member.user_id) !== ownId;
  if (total <= LOCAL_MEMBER_LIMIT && members.length >= total) {
    return members.filter((member) => other(member) && matches(member, term));
  }
  const response = await outside(() =>
    channel.queryMembers(term ? { name: { $autocomplete: term } } : {}),
  );
  return response.members.filter(other);
}
