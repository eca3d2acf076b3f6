import { Caller } from '../../auth/caller';
import { channelEventBase } from '../../fanout/channel-event-base';
import { channelResponse, memberResponse } from '../../responses/channel-responses';
import { ChatServices } from '../../services/emulator-services';
import { ChannelRecord, MemberRecord } from '../../store/model';

/** The notifications about an invitation, each sent to the invitee's connections. */
export type InviteNotification =
  'notification.invited' | 'notification.invite_accepted' | 'notification.invite_rejected';

/** The member as a caller, so that the channel carries the invitee's `own_capabilities`. */
function memberCaller(services: ChatServices, member: MemberRecord): Caller {
  return {
    kind: 'user',
    userId: member.userId,
    role: services.store.users.get(member.userId)?.role ?? 'user',
  };
}

/**
 * `notification.invited` / `invite_accepted` / `invite_rejected` to every connection of the
 * invitee: `{cid, channel_id, channel_type, channel, member, user, created_at}`, `user` being
 * the invitee. Angular's pending-invite list reads `member.user.id` and `channel`.
 */
export function notifyInvitee(
  services: ChatServices,
  type: InviteNotification,
  channel: ChannelRecord,
  member: MemberRecord,
  createdAt: string,
): void {
  const wireMember = memberResponse(services, channel, member);
  services.fanout.sendToUser(member.userId, {
    type,
    ...channelEventBase(channel),
    channel: channelResponse(services, channel, memberCaller(services, member)),
    member: wireMember,
    user: wireMember['user'],
    created_at: createdAt,
  });
}

/** `member.added` to the channel's watchers, for a user who was just invited. */
export function announceInvitedMember(
  services: ChatServices,
  channel: ChannelRecord,
  member: MemberRecord,
): void {
  const wireMember = memberResponse(services, channel, member);
  services.fanout.sendToWatchers(channel, {
    type: 'member.added',
    ...channelEventBase(channel),
    member: wireMember,
    user: wireMember['user'],
    created_at: member.createdAt,
  });
}
