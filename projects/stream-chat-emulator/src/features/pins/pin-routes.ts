import { callerUserId } from '../../auth/caller';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import {
  actingUser,
  namedUserId,
  requireChannel,
  requireReadable,
  requireWritable,
} from '../../http/routes/channel-access';
import { partialUpdateMessage } from '../../http/routes/message-edit-routes';
import { readableMessage } from '../../http/routes/message-routes';
import { inputError } from '../../protocol/api-error';
import { JsonObject, isPlainObject } from '../../protocol/body-fields';
import { messageResponse } from '../../responses/message-responses';
import { ChannelRecord } from '../../store/model';
import { PIN_FIELDS, planPinChange } from './pin-changes';
import { parsePinnedMessagesQuery } from './pinned-messages-query';
import { activePin, pinnedMessagesOf, pinsSlice } from './pins-slice';

/**
 * Whether a partial update only touches pin fields (`client.pinMessage` / `unpinMessage`).
 * Such updates may be made by any user who can pin in the channel, not only the author.
 */
function isPinOnly(body: JsonObject): boolean {
  const set = body['set'] ?? {};
  const unset = body['unset'] ?? [];
  if (!isPlainObject(set) || !Array.isArray(unset)) {
    return false;
  }
  const keys = [...Object.keys(set), ...unset];
  return keys.length > 0 && keys.every((key) => typeof key === 'string' && PIN_FIELDS.has(key));
}

/**
 * `PUT /messages/{id}` whose `set`/`unset` only hold `pinned`, `pin_expires`, `pinned_at`:
 * pins or unpins the message for a caller with `pin-message` in its channel; `message.updated`
 * to watchers. Other partial updates go to the core's handler.
 * @throws ApiError code 16 (unknown message), 17 (may not pin), 4 (bad pin fields, deleted message).
 */
function pinOrPartialUpdate(context: RouteContext): JsonObject {
  if (!isPinOnly(context.body)) {
    return partialUpdateMessage(context);
  }
  const { store, fanout } = context.services;
  const message = readableMessage(context);
  const channel = store.getChannel(message.cid) as ChannelRecord;
  const actor = actingUser(context, namedUserId(context.body), 'PinMessage');
  if (message.deletedAt) {
    throw inputError(`message ${message.id} is deleted`);
  }
  requireWritable(actor, channel, 'PinMessage');
  const change = planPinChange({
    kind: 'partial',
    set: (context.body['set'] ?? {}) as JsonObject,
    unset: (context.body['unset'] ?? []) as string[],
    current: activePin(store, message.id),
    actorId: actor.userId,
    now: store.clock.next(),
  });
  if (change) {
    const pins = store.slice(pinsSlice);
    if (change.pin) {
      pins.set(message.id, change.pin);
    } else {
      pins.delete(message.id);
    }
    store.updateMessage(message, {});
    fanout.messageChanged(channel, message, 'message.updated');
  }
  return { message: messageResponse(context.services, message, callerUserId(context.caller)) };
}

/**
 * `GET /channels/{type}/{id}/pinned_messages?payload={limit, offset, sort, pinned_at_before...}`:
 * the channel's pins in force, newest pin first unless sorted `pinned_at` ascending.
 */
function getPinnedMessages(context: RouteContext): JsonObject {
  const channel = requireChannel(context);
  requireReadable(context.caller, channel);
  const query = parsePinnedMessagesQuery(context.query);
  const pinned = pinnedMessagesOf(context.services.store, channel.cid).filter(({ pin }) =>
    query.accepts(pin),
  );
  if (query.direction === -1) {
    pinned.reverse();
  }
  const viewerId = callerUserId(context.caller);
  return {
    messages: pinned
      .slice(query.offset, query.offset + query.limit)
      .map(({ message }) => messageResponse(context.services, message, viewerId)),
  };
}

/** Pin endpoints (matched before the core's `PUT /messages/{id}`). */
export const pinRoutes: RouteDefinition[] = [
  {
    method: 'PUT',
    path: '/messages/:id',
    operation: 'UpdateMessagePartial',
    auth: 'caller',
    handle: pinOrPartialUpdate,
  },
  {
    method: 'GET',
    path: '/channels/:type/:id/pinned_messages',
    operation: 'GetPinnedMessages',
    auth: 'caller',
    handle: getPinnedMessages,
  },
];
