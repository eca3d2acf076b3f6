import { Caller } from '../../auth/caller';
import { doesNotExistError, inputError } from '../../protocol/api-error';
import { JsonObject, optionalString } from '../../protocol/body-fields';
import { userResponse } from '../../responses/user-responses';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { actingUser, namedUserId, requireReadable } from '../../http/routes/channel-access';
import { Flag, flagKey, flagsSlice } from './flags-slice';

/** What a flag request names: a message (readable by the actor) or a user. */
type FlagTarget = { messageId: string } | { userId: string };

/**
 * Reads `target_message_id` or `target_user_id` and checks the target exists and is not the
 * actor's own. @throws ApiError code 4 (none, both, own), 16 (unknown), 17 (unreadable).
 */
function flagTarget(context: RouteContext, actor: Caller & { kind: 'user' }): FlagTarget {
  const actorId = actor.userId;
  const messageId = optionalString(context.body, 'target_message_id');
  const userId = optionalString(context.body, 'target_user_id');
  if ((messageId === undefined) === (userId === undefined)) {
    throw inputError('send exactly one of target_message_id and target_user_id');
  }
  const { store } = context.services;
  if (messageId !== undefined) {
    const message = store.getMessage(messageId);
    const channel = message && store.getChannel(message.cid);
    if (!message || !channel) {
      throw doesNotExistError(`message ${messageId} does not exist`);
    }
    requireReadable(actor, channel);
    if (message.userId === actorId) {
      throw inputError('you cannot flag your own message');
    }
    return { messageId };
  }
  const targetUserId = userId as string;
  if (!store.users.get(targetUserId)) {
    throw doesNotExistError(`target user ${targetUserId} does not exist`);
  }
  if (targetUserId === actorId) {
    throw inputError('you cannot flag yourself');
  }
  return { userId: targetUserId };
}

/** A flag as Stream answers it. */
function flagResponse(context: RouteContext, flag: Flag): JsonObject {
  const message = flag.targetMessageId
    ? context.services.store.getMessage(flag.targetMessageId)
    : undefined;
  return {
    user: userResponse(context.services, flag.userId),
    ...(flag.targetMessageId ? { target_message_id: flag.targetMessageId } : {}),
    ...(message ? { channel_cid: message.cid, message_user_id: message.userId } : {}),
    ...(flag.targetUserId
      ? { target_user: userResponse(context.services, flag.targetUserId) }
      : {}),
    ...(flag.reason !== undefined ? { reason: flag.reason } : {}),
    created_by_automod: false,
    created_at: flag.createdAt,
    updated_at: flag.updatedAt,
  };
}

/**
 * `POST /moderation/flag {target_message_id | target_user_id, reason?}` → `{flag}`.
 * Flagging the same target again answers the existing flag.
 */
function flag(context: RouteContext): JsonObject {
  const actor = actingUser(context, namedUserId(context.body), 'Flag');
  const target = flagTarget(context, actor);
  const reason = optionalString(context.body, 'reason');
  const { store } = context.services;
  const state = store.slice(flagsSlice);
  const key = flagKey(actor.userId, target);
  let stored = state.get(key);
  if (!stored) {
    const now = store.clock.next();
    stored = {
      userId: actor.userId,
      ...('messageId' in target
        ? { targetMessageId: target.messageId }
        : { targetUserId: target.userId }),
      reason,
      createdAt: now,
      updatedAt: now,
    };
    state.set(key, stored);
    store.changed();
  }
  return { flag: flagResponse(context, stored) };
}

/**
 * `POST /moderation/unflag {target_message_id | target_user_id}` → `{flag}`: removes the
 * caller's flag. @throws ApiError code 16 when the caller has no such flag.
 */
function unflag(context: RouteContext): JsonObject {
  const actor = actingUser(context, namedUserId(context.body), 'Unflag');
  const target = flagTarget(context, actor);
  const { store } = context.services;
  const state = store.slice(flagsSlice);
  const key = flagKey(actor.userId, target);
  const stored = state.get(key);
  if (!stored) {
    throw doesNotExistError('you have not flagged this target');
  }
  state.delete(key);
  store.changed();
  return { flag: flagResponse(context, stored) };
}

/** Flag endpoints. */
export const flagRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/moderation/flag',
    operation: 'Flag',
    auth: 'caller',
    status: 201,
    handle: flag,
  },
  {
    method: 'POST',
    path: '/moderation/unflag',
    operation: 'Unflag',
    auth: 'caller',
    status: 201,
    handle: unflag,
  },
];
