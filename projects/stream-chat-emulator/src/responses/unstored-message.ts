import type { NewMessage } from '../store/chat-store';
import type { ChannelRecord, MessageRecord } from '../store/model';
import { MessageResponse, messageResponse } from './message-responses';
import { WireContext } from './wire-context';

/** What the server answers in place of a message it neither stores nor broadcasts. */
export interface UnstoredReply {
  /** `error` (a frozen channel, an offline command) or `ephemeral` (a command's answer). */
  type: 'error' | 'ephemeral';
  text: string;
  /** Custom fields of the answer, e.g. `command` and `args`. */
  data?: Record<string, unknown>;
}

/**
 * The `{message}` body Stream answers instead of storing a message: the sender's message id,
 * with the answer's type and text, seen only by the sender (a frozen channel's error message,
 * a command's ephemeral answer).
 */
export function unstoredMessageResponse(
  context: WireContext,
  channel: ChannelRecord,
  message: NewMessage,
  reply: UnstoredReply,
): { message: MessageResponse } {
  const now = context.store.clock.next();
  const record: MessageRecord = {
    id: message.id,
    cid: channel.cid,
    userId: message.userId,
    text: reply.text,
    type: reply.type,
    createdAt: now,
    updatedAt: now,
    parentId: message.parentId,
    showInChannel: message.showInChannel,
    silent: true,
    mentionedUserIds: [],
    attachments: [],
    replyCount: 0,
    threadParticipantIds: [],
    data: reply.data ?? {},
  };
  return { message: messageResponse(context, record, message.userId) };
}
