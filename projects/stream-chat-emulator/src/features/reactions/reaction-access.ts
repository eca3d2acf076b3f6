import { Caller } from '../../auth/caller';
import { inputError, notAllowedError } from '../../protocol/api-error';
import { actingUser, requireWritable } from '../../http/routes/channel-access';
import { readableMessage } from '../../http/routes/message-routes';
import { RouteContext } from '../../http/route-table';
import { ChannelRecord, MessageRecord } from '../../store/model';

/** A message a user may add reactions to or remove them from, with its channel. */
export interface ReactableMessage {
  message: MessageRecord;
  channel: ChannelRecord;
  /** The user who reacts: the caller, or the user a server-side request names. */
  actor: Caller & { kind: 'user' };
}

/** Whether a channel is frozen (no new messages or reaction changes). */
export function isFrozen(channel: ChannelRecord): boolean {
  return channel.data['frozen'] === true;
}

/**
 * The message named by `:id`, checked for a reaction change by the acting user.
 * @param namedUserId the user a request names (`reaction.user_id`, `?user_id=`), if any.
 * @param action Stream's permission name, for error messages.
 * @throws ApiError code 16 (unknown message), 17 (channel not readable or writable,
 * anonymous caller, frozen channel), 4 (deleted message, server request naming no user).
 */
export function reactableMessage(
  context: RouteContext,
  namedUserId: string | undefined,
  action: string,
): ReactableMessage {
  const message = readableMessage(context);
  const channel = context.services.store.getChannel(message.cid) as ChannelRecord;
  const actor = actingUser(context, namedUserId, action);
  requireWritable(actor, channel, action);
  if (isFrozen(channel)) {
    throw notAllowedError(`channel ${channel.cid} is frozen: ${action} is not allowed`);
  }
  if (message.deletedAt) {
    throw inputError(`message ${message.id} is deleted: reactions cannot change`);
  }
  return { message, channel, actor };
}
