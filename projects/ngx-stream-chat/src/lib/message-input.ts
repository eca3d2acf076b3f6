import type { Attachment, UserResponse } from 'stream-chat';
import type { MessageInput } from './channel-service-extensions';
import type { OutgoingMessage } from './chat-message';

/** `sendMessage()`'s vendor arguments as the fields the client sends. */
export function outgoingOf(
  attachments: Attachment[] | undefined,
  mentionedUsers: UserResponse[] | undefined,
  parentId: string | undefined,
  quotedMessageId: string | undefined,
  customData: Record<string, unknown> | undefined,
): OutgoingMessage {
  return {
    ...customData,
    ...(attachments?.length ? { attachments } : {}),
    ...(mentionedUsers?.length ? { mentioned_users: mentionedUsers.map((user) => user.id) } : {}),
    ...(parentId ? { parent_id: parentId } : {}),
    ...(quotedMessageId ? { quoted_message_id: quotedMessageId } : {}),
  };
}

/** A message about to be sent, as the vendor's `beforeSendMessage` hook sees it. */
export function messageInputOf(text: string, extra: OutgoingMessage): MessageInput {
  const { attachments, mentioned_users, parent_id, quoted_message_id, ...customData } = extra;
  return {
    text,
    attachments: attachments ?? [],
    mentionedUsers: (mentioned_users ?? []).map((id) => ({ id })),
    parentId: parent_id,
    quotedMessageId: quoted_message_id,
    customData: Object.keys(customData).length > 0 ? customData : undefined,
  };
}

/** The hook's answer, back as the fields the client sends. */
export function outgoingOfInput(input: MessageInput): { text: string; extra: OutgoingMessage } {
  return {
    text: input.text,
    extra: outgoingOf(
      input.attachments,
      input.mentionedUsers,
      input.parentId,
      input.quotedMessageId,
      input.customData,
    ),
  };
}
