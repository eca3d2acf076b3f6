import { inputError, notAllowedError } from '../../protocol/api-error';
import { Caller, callerUserId, isAdmin } from '../../auth/caller';
import { messageResponse } from '../../responses/message-responses';
import { MessageUpdate } from '../../services/service-hooks';
import { ChannelRecord, MessageRecord } from '../../store/model';
import { MAX_MESSAGE_LENGTH } from '../../store/channel-types';
import {
  JsonObject,
  optionalArray,
  optionalObject,
  optionalStringArray,
  requiredObject,
} from '../../protocol/body-fields';
import { RouteContext, RouteDefinition } from '../route-table';
import { actingUser, namedUserId } from './channel-access';
import { customMessageData, mentionedUserIds, readMessageContent } from './message-content';
import { readableMessage } from './message-routes';

/**
 * The message named by `:id` with its channel, if the caller may change it: its author,
 * an admin, or the server naming the author.
 * @throws ApiError code 16 (unknown message), 17 (someone else's message).
 */
function ownMessage(
  context: RouteContext,
  namedUser: string | undefined,
  action: string,
): { message: MessageRecord; channel: ChannelRecord; caller: Caller } {
  const message = readableMessage(context);
  const channel = context.services.store.getChannel(message.cid) as ChannelRecord;
  if (message.deletedAt) {
    throw inputError(`message ${message.id} is deleted`);
  }
  const caller: Caller =
    context.caller.kind === 'server' && namedUser === undefined
      ? context.caller
      : actingUser(context, namedUser, action);
  if (!isAdmin(caller) && !(caller.kind === 'user' && caller.userId === message.userId)) {
    throw notAllowedError(`only the author of message ${message.id} may perform action ${action}`);
  }
  return { message, channel, caller };
}

/**
 * Asks every feature to check an update before it is stored.
 * @returns what each feature applies once the core has stored the update.
 * @throws ApiError when a feature refuses the update (nothing is stored then).
 */
function prepareFeatureUpdates(
  context: RouteContext,
  update: Omit<MessageUpdate, 'actor'>,
): (() => void)[] {
  const actor = update.caller.kind === 'user' ? update.caller : undefined;
  const commits: (() => void)[] = [];
  for (const hooks of context.services.hooks) {
    const commit = hooks.prepareMessageUpdate?.(context.services, { ...update, actor });
    if (commit) {
      commits.push(commit);
    }
  }
  return commits;
}

/** `POST /messages/{id}`: replaces the message's text, attachments, mentions and custom fields; `message.updated` to watchers. */
function updateMessage(context: RouteContext): JsonObject {
  const body = requiredObject(context.body, 'message');
  const { message, channel, caller } = ownMessage(context, namedUserId(body), 'UpdateMessage');
  const content = readMessageContent(context, body);
  const commits = prepareFeatureUpdates(context, {
    caller,
    channel,
    message,
    kind: 'full',
    text: content.text,
    set: body,
    unset: [],
  });
  context.services.store.updateMessage(message, content);
  commits.forEach((commit) => commit());
  context.services.fanout.messageChanged(channel, message, 'message.updated');
  return { message: messageResponse(context.services, message, callerUserId(context.caller)) };
}

/** `PUT /messages/{id}`: `set` and `unset` fields of the message; `message.updated` to watchers. */
export function partialUpdateMessage(context: RouteContext): JsonObject {
  const user = optionalObject(context.body, 'user');
  const { message, channel, caller } = ownMessage(
    context,
    namedUserId({ user, user_id: context.body['user_id'] }),
    'UpdateMessage',
  );
  const set = optionalObject(context.body, 'set') ?? {};
  const unset = optionalStringArray(context.body, 'unset') ?? [];
  const data = { ...message.data, ...customMessageData(set) };
  for (const key of unset) {
    delete data[key];
  }
  const text = set['text'] ?? (unset.includes('text') ? '' : message.text);
  if (typeof text !== 'string' || text.length > MAX_MESSAGE_LENGTH) {
    throw inputError(`set.text must be a string of at most ${MAX_MESSAGE_LENGTH} characters`);
  }
  const attachments = optionalArray(set, 'attachments');
  const mentions =
    set['mentioned_users'] === undefined ? undefined : mentionedUserIds(context, set);
  const commits = prepareFeatureUpdates(context, {
    caller,
    channel,
    message,
    kind: 'partial',
    text,
    set,
    unset,
  });
  context.services.store.updateMessage(message, {
    text,
    data,
    ...(attachments ? { attachments } : {}),
    ...(mentions ? { mentionedUserIds: mentions } : {}),
  });
  commits.forEach((commit) => commit());
  context.services.fanout.messageChanged(channel, message, 'message.updated');
  return { message: messageResponse(context.services, message, callerUserId(context.caller)) };
}

/** `DELETE /messages/{id}?hard=true`: soft delete (type `deleted`) or removal; `message.deleted` to watchers. */
function deleteMessage(context: RouteContext): JsonObject {
  if (context.query.get('delete_for_me') === 'true') {
    throw inputError('delete_for_me is not supported by the emulator');
  }
  const { message, channel } = ownMessage(
    context,
    context.query.get('deleted_by') ?? undefined,
    'DeleteMessage',
  );
  const hard = context.query.get('hard') === 'true';
  context.services.store.deleteMessage(channel, message, hard);
  context.services.fanout.messageChanged(channel, message, 'message.deleted', {
    hard_delete: hard,
  });
  for (const hooks of context.services.hooks) {
    hooks.afterDeleteMessage?.(context.services, { channel, message, hard });
  }
  return { message: messageResponse(context.services, message, callerUserId(context.caller)) };
}

/** Message edit and delete endpoints. */
export const messageEditRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/messages/:id',
    operation: 'UpdateMessage',
    auth: 'caller',
    handle: updateMessage,
  },
  {
    method: 'PUT',
    path: '/messages/:id',
    operation: 'UpdateMessagePartial',
    auth: 'caller',
    handle: partialUpdateMessage,
  },
  {
    method: 'DELETE',
    path: '/messages/:id',
    operation: 'DeleteMessage',
    auth: 'caller',
    handle: deleteMessage,
  },
];
