import { WireContext } from '../../responses/wire-context';
import { WireFields } from '../../responses/response-extensions';
import { ChatServices } from '../../services/emulator-services';
import { Caller, callerUserId } from '../../auth/caller';
import { ChannelRecord, MemberRecord } from '../../store/model';
import { EmulatorFeature } from '../emulator-feature';
import { inviteSlice } from './invite-slice';
import { prepareInviteUpdate } from './invite-updates';

/** `invited`, `status` and the answer time of an invited member; nothing for other members. */
function inviteMemberFields(
  context: WireContext,
  channel: ChannelRecord,
  member: MemberRecord,
): WireFields {
  const invite = context.store.slice(inviteSlice).get(channel.cid, member.userId);
  if (!invite) {
    return {};
  }
  return {
    invited: true,
    status: invite.status,
    ...(invite.acceptedAt ? { invite_accepted_at: invite.acceptedAt } : {}),
    ...(invite.rejectedAt ? { invite_rejected_at: invite.rejectedAt } : {}),
  };
}

/** The `invite` filter of `queryChannels`: the querying user's invitation status. */
function inviteQueryFields(
  services: ChatServices,
  caller: Caller,
  channel: ChannelRecord,
): Record<string, unknown> {
  const callerId = callerUserId(caller);
  return {
    invite:
      callerId === undefined
        ? undefined
        : services.store.slice(inviteSlice).get(channel.cid, callerId)?.status,
  };
}

/**
 * Channel invitations: `invites`, `accept_invite`, `reject_invite` on
 * `POST /channels/{type}/{id}`, the `notification.invited|invite_accepted|invite_rejected`
 * events, invite fields on members and the `invite` filter of `queryChannels`.
 */
export const invitesFeature: EmulatorFeature = {
  name: 'invites',
  slices: [inviteSlice],
  memberFields: inviteMemberFields,
  channelQueryFields: inviteQueryFields,
  prepareChannelUpdate: prepareInviteUpdate,
};
