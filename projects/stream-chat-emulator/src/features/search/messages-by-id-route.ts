import { callerUserId } from '../../auth/caller';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { requireChannel, requireReadable } from '../../http/routes/channel-access';
import { inputError } from '../../protocol/api-error';
import { JsonObject } from '../../protocol/body-fields';
import { messageResponse } from '../../responses/message-responses';
import { messageIndexOf } from '../../store/message-index';

/** Most ids one request may name. */
export const MAX_MESSAGE_IDS = 300;

/**
 * `GET /channels/{type}/{id}/messages?ids=a,b,c` (`channel.getMessagesById`): the messages of
 * this channel with these ids (thread replies and soft-deleted messages included), oldest
 * first; ids of unknown messages or of other channels' messages are left out.
 * @throws ApiError code 4 without ids or with too many, 16/17 for the channel.
 */
function getMessagesById(context: RouteContext): JsonObject {
  const channel = requireChannel(context);
  requireReadable(context.caller, channel);
  const ids = (context.query.get('ids') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) {
    throw inputError('ids must name at least one message id (comma-separated)');
  }
  if (ids.length > MAX_MESSAGE_IDS) {
    throw inputError(`ids may name at most ${MAX_MESSAGE_IDS} messages`);
  }
  const index = messageIndexOf(channel);
  const viewerId = callerUserId(context.caller);
  return {
    messages: [...new Set(ids)]
      .map((id) => index.get(id))
      .filter((message) => message !== undefined)
      .sort((a, b) => index.all.positionOf(a) - index.all.positionOf(b))
      .map((message) => messageResponse(context.services, message, viewerId)),
  };
}

/** The message lookup endpoint. */
export const messagesByIdRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/channels/:type/:id/messages',
    operation: 'GetManyMessages',
    auth: 'caller',
    handle: getMessagesById,
  },
];
