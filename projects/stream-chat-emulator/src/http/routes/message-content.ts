import { inputError } from '../../protocol/api-error';
import { MAX_MESSAGE_LENGTH } from '../../store/channel-types';
import { isPlainObject } from '../../protocol/body-fields';
import { checkCustomDataSize } from '../../protocol/json-limits';
import { JsonObject, optionalArray, optionalString } from '../../protocol/body-fields';
import { RouteContext } from '../route-table';

/** Message fields that are set by the server or have their own meaning; the rest is custom data. */
const RESERVED_MESSAGE_FIELDS = new Set([
  'id',
  'text',
  'html',
  'type',
  'user',
  'user_id',
  'cid',
  'created_at',
  'updated_at',
  'deleted_at',
  'attachments',
  'mentioned_users',
  'parent_id',
  'show_in_channel',
  'quoted_message_id',
  'quoted_message',
  'silent',
  'shadowed',
  'pinned',
  'pinned_at',
  'pinned_by',
  'pin_expires',
  'latest_reactions',
  'own_reactions',
  'reaction_counts',
  'reaction_scores',
  'reaction_groups',
  'reply_count',
  'deleted_reply_count',
  'thread_participants',
  'status',
  'restricted_visibility',
  'command',
  'i18n',
  'message_text_updated_at',
  'mentioned_here',
  'mentioned_channel',
  'mentioned_groups',
  'member',
  'channel',
  'poll',
  'reminder',
  'moderation',
  'moderation_details',
  'deleted_for_me',
]);

/** Reads `mentioned_users`: ids or `{id}` objects; unknown users are dropped. */
export function mentionedUserIds(context: RouteContext, message: JsonObject): string[] {
  const entries = optionalArray(message, 'mentioned_users') ?? [];
  const ids = entries.map((entry) => {
    if (typeof entry === 'string') {
      return entry;
    }
    if (isPlainObject(entry) && typeof entry['id'] === 'string') {
      return entry['id'];
    }
    throw inputError('message.mentioned_users must be user ids');
  });
  return [...new Set(ids)].filter((id) => context.services.store.users.get(id));
}

/** The editable content of an incoming message, checked. */
export interface MessageContent {
  text: string;
  attachments: unknown[];
  mentionedUserIds: string[];
  data: JsonObject;
}

/**
 * Reads and checks the content of a message being sent or edited: text (at most
 * {@link MAX_MESSAGE_LENGTH} characters), attachments, mentions and custom fields (at most
 * 5 KB as JSON).
 * @throws ApiError code 4 for wrong types, a text too long, custom data too big, or an empty
 * message.
 */
export function readMessageContent(context: RouteContext, message: JsonObject): MessageContent {
  const text = optionalString(message, 'text') ?? '';
  if (text.length > MAX_MESSAGE_LENGTH) {
    throw inputError(
      `message is too long: ${text.length} characters, the limit is ${MAX_MESSAGE_LENGTH}`,
    );
  }
  const attachments = optionalArray(message, 'attachments') ?? [];
  if (text.trim() === '' && attachments.length === 0) {
    throw inputError('message is empty: it needs text or attachments');
  }
  const data = customMessageData(message);
  // Checked here as well as in the store, so that messages answered without being stored
  // (commands, frozen channels) are refused the same way and run nothing.
  checkCustomDataSize('the message', data);
  return { text, attachments, mentionedUserIds: mentionedUserIds(context, message), data };
}

/** The custom fields of an incoming message (reserved fields left out). */
export function customMessageData(message: JsonObject): JsonObject {
  const data: JsonObject = {};
  for (const [key, value] of Object.entries(message)) {
    if (!RESERVED_MESSAGE_FIELDS.has(key)) {
      data[key] = value;
    }
  }
  return data;
}
