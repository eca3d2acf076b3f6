import { callerUserId, isAdmin } from '../../auth/caller';
import { randomUUID } from 'node:crypto';
import { ApiError, doesNotExistError, inputError, notAllowedError } from '../../protocol/api-error';
import { messageResponse } from '../../responses/message-responses';
import { isMessageId } from '../../protocol/identifiers';
import { NewMessage } from '../../store/chat-store';
import { MessageRecord } from '../../store/model';
import {
  JsonObject,
  optionalBoolean,
  optionalString,
  requiredObject,
} from '../../protocol/body-fields';
import { RouteContext, RouteDefinition } from '../route-table';
import {
  actingUser,
  namedUserId,
  requireChannel,
  requireReadable,
  requireWritable,
} from './channel-access';
import { readMessageContent } from './message-content';

/**
 * `POST /channels/{type}/{id}/message`: stores the message under the client's id
 * (a duplicate id is code 4 "already exists"), does the unread accounting and fans out
 * `message.new` and `notification.message_new`.
 */
function sendMessage(context: RouteContext): JsonObject {
  const { services } = context;
  const channel = requireChannel(context);
  const message = requiredObject(context.body, 'message');
  const actor = actingUser(context, namedUserId(message), 'CreateMessage');
  requireWritable(actor, channel, 'CreateMessage');
  const id = optionalString(message, 'id') ?? randomUUID();
  if (!isMessageId(id)) {
    throw inputError(`message.id "${id}" is not valid: it must match /^[\\w!-]{1,255}$/`);
  }
  if (services.store.getMessage(id)) {
    throw inputError(`a message with ID ${id} already exists`);
  }
  const content = readMessageContent(context, message);
  const parentId = optionalString(message, 'parent_id');
  if (parentId !== undefined) {
    const parent = services.store.getMessage(parentId);
    if (!parent || parent.cid !== channel.cid) {
      throw inputError(`parent message ${parentId} does not exist in ${channel.cid}`);
    }
    if (parent.parentId) {
      throw new ApiError(21, 400, 'replies to replies are not allowed (multiple nesting levels)');
    }
  }
  const quotedMessageId = optionalString(message, 'quoted_message_id');
  if (
    quotedMessageId !== undefined &&
    services.store.getMessage(quotedMessageId)?.cid !== channel.cid
  ) {
    throw inputError(`quoted message ${quotedMessageId} does not exist in ${channel.cid}`);
  }
  const type = messageType(context, optionalString(message, 'type'), parentId);
  const toStore: NewMessage = {
    ...content,
    id,
    userId: actor.userId,
    type,
    parentId,
    showInChannel: parentId ? optionalBoolean(message, 'show_in_channel') : undefined,
    silent: optionalBoolean(message, 'silent'),
    quotedMessageId,
  };
  const send = { actor, caller: context.caller, channel, message: toStore };
  for (const hooks of services.hooks) {
    hooks.beforeSendMessage?.(services, send);
  }
  for (const hooks of services.hooks) {
    const answer = hooks.interceptMessage?.(services, send);
    if (answer) {
      return answer;
    }
  }
  const stored = services.store.addMessage(channel, toStore);
  for (const hooks of services.hooks) {
    hooks.afterMessageStored?.(services, channel, stored);
  }
  services.fanout.messageNew(channel, stored);
  for (const hooks of services.hooks) {
    hooks.afterMessageNew?.(services, { actor, channel, message: stored });
  }
  return { message: messageResponse(services, stored, actor.userId) };
}

/**
 * The stored type of a new message, as Stream decides it: `regular` (or `reply` in a
 * thread) unless the server or an admin asks for `system`. Users may not create system
 * messages (code 17), and the other types are set by the server only (code 4).
 */
function messageType(
  context: RouteContext,
  requested: string | undefined,
  parentId: string | undefined,
): string | undefined {
  if (requested === undefined || requested === 'regular' || (requested === 'reply' && parentId)) {
    return undefined;
  }
  if (requested === 'system') {
    if (isAdmin(context.caller)) {
      return 'system';
    }
    throw notAllowedError('creating system messages not allowed');
  }
  throw inputError(`message.type "${requested}" is a reserved field: it is set by the server`);
}

/** The message named by `:id`, readable by the caller. @throws ApiError code 16 or 17. */
export function readableMessage(context: RouteContext): MessageRecord {
  const message = context.services.store.getMessage(context.params['id']);
  const channel = message && context.services.store.getChannel(message.cid);
  if (!message || !channel) {
    throw doesNotExistError(`message ${context.params['id']} does not exist`);
  }
  requireReadable(context.caller, channel);
  return message;
}

/** `GET /messages/{id}`. */
function getMessage(context: RouteContext): JsonObject {
  return {
    message: messageResponse(
      context.services,
      readableMessage(context),
      callerUserId(context.caller),
    ),
  };
}

/** Message endpoints. */
export const messageRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/channels/:type/:id/message',
    operation: 'SendMessage',
    auth: 'caller',
    status: 201,
    handle: sendMessage,
  },
  {
    method: 'GET',
    path: '/messages/:id',
    operation: 'GetMessage',
    auth: 'caller',
    handle: getMessage,
  },
];
