import { MessageRecord } from '../store/model';
import { extensionFields } from './response-extensions';
import { userResponse } from './user-responses';
import { WireContext } from './wire-context';

/** A message as Stream sends it (`MessageResponse`). */
export type MessageResponse = Record<string, unknown> & { id: string };

/** Renders message text as Stream's minimal HTML: escaped, one paragraph, line breaks kept. */
export function messageHtml(text: string): string {
  if (text === '') {
    return '';
  }
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&#34;')
    .replace(/'/g, '&#39;')
    .replace(/\n/g, '<br/>');
  return `<p>${escaped}</p>\n`;
}

/**
 * The `MessageResponse` of a stored message, with the user, mentioned users and quoted
 * message expanded, every array the client iterates present, and the fields registered
 * features add (reactions, pins...).
 * @param viewerId the user the response is for (`own_reactions`); `undefined` for events
 * serialised once for all recipients.
 * @param withQuote whether to expand `quoted_message` (not inside a quoted message).
 */
export function messageResponse(
  context: WireContext,
  message: MessageRecord,
  viewerId?: string,
  withQuote = true,
): MessageResponse {
  const quoted =
    withQuote && message.quotedMessageId
      ? context.store.getMessage(message.quotedMessageId)
      : undefined;
  return {
    ...message.data,
    id: message.id,
    text: message.text,
    html: messageHtml(message.text),
    type: message.type,
    cid: message.cid,
    user: userResponse(context, message.userId),
    attachments: message.attachments,
    mentioned_users: message.mentionedUserIds.map((id) => userResponse(context, id)),
    latest_reactions: [],
    own_reactions: [],
    reaction_counts: {},
    reaction_scores: {},
    reaction_groups: null,
    reply_count: message.replyCount,
    deleted_reply_count: 0,
    silent: message.silent,
    shadowed: false,
    pinned: false,
    pinned_at: null,
    pinned_by: null,
    pin_expires: null,
    restricted_visibility: [],
    created_at: message.createdAt,
    updated_at: message.updatedAt,
    ...(message.deletedAt ? { deleted_at: message.deletedAt } : {}),
    ...(message.parentId
      ? { parent_id: message.parentId, show_in_channel: message.showInChannel === true }
      : {}),
    ...(message.threadParticipantIds.length > 0
      ? { thread_participants: message.threadParticipantIds.map((id) => userResponse(context, id)) }
      : {}),
    ...(message.quotedMessageId ? { quoted_message_id: message.quotedMessageId } : {}),
    ...(quoted ? { quoted_message: messageResponse(context, quoted, viewerId, false) } : {}),
    ...extensionFields(
      context.responseExtensions,
      (extension) => extension.messageFields,
      context,
      message,
      viewerId,
    ),
  };
}
