import { doesNotExistError } from '../../protocol/api-error';
import { JsonObject, optionalBoolean, requiredObject } from '../../protocol/body-fields';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { namedUserId } from '../../http/routes/channel-access';
import { messageResponse } from '../../responses/message-responses';
import { announceReaction } from './reaction-events';
import { StoredReaction } from './reaction-index';
import { checkReactionType, readReactionInput } from './reaction-input';
import { reactionResponse } from './reaction-responses';
import { reactionsSlice } from './reactions-slice';
import { reactableMessage } from './reaction-access';

/**
 * `POST /messages/{id}/reaction`: adds the acting user's reaction, or updates the score and
 * custom data of their reaction of the same type. With `enforce_unique` their other
 * reactions to the message are removed first. Bumps the message's `updated_at`.
 * Event: `reaction.updated` when `enforce_unique` replaced other reactions, `reaction.new`
 * otherwise.
 */
function sendReaction(context: RouteContext): JsonObject {
  const input = readReactionInput(context.body);
  const enforceUnique = optionalBoolean(context.body, 'enforce_unique') === true;
  optionalBoolean(context.body, 'skip_push');
  const named = namedUserId(requiredObject(context.body, 'reaction'));
  const { message, channel, actor } = reactableMessage(context, named, 'CreateReaction');
  const { store } = context.services;
  const index = store.slice(reactionsSlice);
  const now = store.clock.next();
  const replaced = enforceUnique ? index.removeOthersOf(message.id, actor.userId, input.type) : [];
  let reaction = index.find(message.id, actor.userId, input.type);
  if (reaction) {
    reaction.score = input.score;
    reaction.data = input.data;
    reaction.updatedAt = now;
  } else {
    reaction = {
      messageId: message.id,
      userId: actor.userId,
      type: input.type,
      score: input.score,
      createdAt: now,
      updatedAt: now,
      data: input.data,
    } satisfies StoredReaction;
    index.add(reaction);
  }
  message.updatedAt = now;
  store.changes.message(message.cid, message.id);
  store.changed(reactionsSlice);
  announceReaction(
    context.services,
    channel,
    message,
    replaced.length > 0 ? 'reaction.updated' : 'reaction.new',
    reaction,
    now,
  );
  return {
    message: messageResponse(context.services, message, actor.userId),
    reaction: reactionResponse(context.services, reaction),
  };
}

/**
 * `DELETE /messages/{id}/reaction/{type}` (server-side: `?user_id=`): removes the acting
 * user's reaction of that type; `reaction.deleted` to watchers. Bumps the message's `updated_at`.
 */
function deleteReaction(context: RouteContext): JsonObject {
  const type = checkReactionType(context.params['type']);
  const named = context.query.get('user_id') ?? undefined;
  const { message, channel, actor } = reactableMessage(context, named, 'DeleteReaction');
  const { store } = context.services;
  const index = store.slice(reactionsSlice);
  const reaction = index.find(message.id, actor.userId, type);
  if (!reaction) {
    throw doesNotExistError(
      `user ${actor.userId} has no reaction of type "${type}" on message ${message.id}`,
    );
  }
  index.remove(reaction);
  const now = store.clock.next();
  message.updatedAt = now;
  store.changes.message(message.cid, message.id);
  store.changed(reactionsSlice);
  announceReaction(context.services, channel, message, 'reaction.deleted', reaction, now);
  return {
    message: messageResponse(context.services, message, actor.userId),
    reaction: reactionResponse(context.services, reaction),
  };
}

/** Endpoints that add and remove reactions. */
export const reactionWriteRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/messages/:id/reaction',
    operation: 'SendReaction',
    auth: 'caller',
    status: 201,
    handle: sendReaction,
  },
  {
    method: 'DELETE',
    path: '/messages/:id/reaction/:type',
    operation: 'DeleteReaction',
    auth: 'caller',
    handle: deleteReaction,
  },
];
