import { inputError, notAllowedError } from '../../protocol/api-error';
import { isUserId } from '../../protocol/identifiers';
import { isPlainObject, optionalBoolean } from '../../protocol/body-fields';
import { namedUserId } from '../../http/routes/channel-access';
import { ChannelUpdate } from '../../services/service-hooks';
import { ChatServices } from '../../services/emulator-services';
import { ChannelRecord } from '../../store/model';
import { announceInvitedMember, notifyInvitee } from './invite-events';
import { inviteSlice } from './invite-slice';

/**
 * Reads `invites` (`["bob"]` or `[{user_id: "bob"}]`) and checks every invitee: an existing
 * user who is not a member yet, or whose earlier invitation is pending or was rejected.
 * @throws ApiError code 4 otherwise.
 */
function parseInvitees(services: ChatServices, channel: ChannelRecord, value: unknown): string[] {
  const shape = 'invites must be an array of user ids or {user_id} objects';
  if (!Array.isArray(value) || value.length === 0) {
    throw inputError(shape);
  }
  const ids = value.map((entry) => {
    if (typeof entry === 'string') {
      return entry;
    }
    if (isPlainObject(entry) && typeof entry['user_id'] === 'string') {
      return entry['user_id'];
    }
    throw inputError(shape);
  });
  const missing = ids.filter((id) => !isUserId(id) || !services.store.users.get(id));
  if (missing.length > 0) {
    throw inputError(
      `The following users are specified in invites but don't exist: ${missing.join(', ')}`,
    );
  }
  const table = services.store.slice(inviteSlice);
  for (const id of ids) {
    const status = table.get(channel.cid, id)?.status;
    if (channel.members.has(id) && status !== 'pending' && status !== 'rejected') {
      throw inputError(`user "${id}" is already a member of channel "${channel.cid}"`);
    }
  }
  return [...new Set(ids)];
}

/** The user answering an invitation: the caller, or for the server the user it names. */
function answeringUserId(services: ChatServices, update: ChannelUpdate): string {
  const { caller, body } = update;
  if (caller.kind === 'user') {
    return caller.userId;
  }
  if (caller.kind === 'anonymous') {
    throw notAllowedError('Anonymous user is not allowed to answer an invitation');
  }
  const named = namedUserId(body);
  if (named === undefined || !services.store.users.get(named)) {
    throw inputError('a server-side invitation answer needs an existing user_id');
  }
  return named;
}

/** Sends invitations: pending memberships, `member.added` to watchers, `notification.invited`. */
function invite(services: ChatServices, channel: ChannelRecord, userIds: string[]): void {
  const table = services.store.slice(inviteSlice);
  for (const userId of userIds) {
    const earlier = table.get(channel.cid, userId);
    if (earlier?.status === 'pending') {
      continue;
    }
    const [added] = services.store.addMembers(channel, [userId]);
    const member = added ?? services.store.updateMember(channel, userId);
    if (!member) {
      continue;
    }
    table.put(channel.cid, userId, { status: 'pending', invitedAt: member.updatedAt });
    services.store.changed();
    if (added) {
      announceInvitedMember(services, channel, member);
    } else {
      services.fanout.memberUpdated(channel, member);
    }
    notifyInvitee(services, 'notification.invited', channel, member, member.updatedAt);
  }
}

/** Records the answer to a pending invitation; `member.updated` and the invitee's notification. */
function answer(
  services: ChatServices,
  channel: ChannelRecord,
  userId: string,
  accepted: boolean,
): void {
  const member = services.store.updateMember(channel, userId);
  const invite = services.store.slice(inviteSlice).get(channel.cid, userId);
  if (!member || !invite) {
    return;
  }
  const at = member.updatedAt;
  services.store.slice(inviteSlice).put(channel.cid, userId, {
    ...invite,
    ...(accepted ? { status: 'accepted', acceptedAt: at } : { status: 'rejected', rejectedAt: at }),
  });
  services.store.changed();
  services.fanout.memberUpdated(channel, member);
  notifyInvitee(
    services,
    accepted ? 'notification.invite_accepted' : 'notification.invite_rejected',
    channel,
    member,
    at,
  );
}

/**
 * The invitation part of `POST /channels/{type}/{id}`: `invites`, `accept_invite`,
 * `reject_invite` (a `PATCH` has none of them). Everything is checked before anything is stored.
 * @throws ApiError code 4 for malformed invitees, members invited again, both answers at
 * once or an answer without a pending invitation; code 17 for anonymous answers.
 */
export function prepareInviteUpdate(
  services: ChatServices,
  update: ChannelUpdate,
): (() => void) | undefined {
  const { channel, body } = update;
  if (update.kind !== 'full') {
    return undefined;
  }
  const invitees =
    body['invites'] === undefined ? undefined : parseInvitees(services, channel, body['invites']);
  const accept = optionalBoolean(body, 'accept_invite') === true;
  const reject = optionalBoolean(body, 'reject_invite') === true;
  if (invitees === undefined && !accept && !reject) {
    return undefined;
  }
  if (accept && reject) {
    throw inputError('accept_invite and reject_invite cannot both be true');
  }
  let answeringId: string | undefined;
  if (accept || reject) {
    answeringId = answeringUserId(services, update);
    if (services.store.slice(inviteSlice).get(channel.cid, answeringId)?.status !== 'pending') {
      throw inputError(
        `user "${answeringId}" has no pending invitation to channel "${channel.cid}"`,
      );
    }
  }
  return () => {
    if (invitees) {
      invite(services, channel, invitees);
    }
    if (answeringId !== undefined) {
      answer(services, channel, answeringId, accept);
    }
  };
}
