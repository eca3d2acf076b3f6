import type { LocalMessage, Message, UserResponse } from 'stream-chat';
import type { StreamChatError } from './stream-chat-errors';

/**
 * Where a message stands: `'sending'` while the server has not confirmed it, `'received'` once it
 * has (every message loaded from the server), `'failed'` when sending failed (a failed message
 * stays in the list until it is resent); `'updating'` while an edit, pin or unpin waits for the
 * server, and `'deleting'` while a delete does (both go back to `'received'` either way: the
 * change shows, or it is rolled back and the call rejects).
 */
export type ChatMessageStatus = 'sending' | 'received' | 'failed' | 'updating' | 'deleting';

/**
 * A message as `activeChannelMessages$` lists it: the vendor's formatted message (`LocalMessage`,
 * with `Date` times) plus its delivery `status`.
 */
export type ChatMessage = Omit<LocalMessage, 'status'> & {
  /** Where the message stands. */
  status: ChatMessageStatus;
  /** Why sending failed, in words; only when `status` is `'failed'`. */
  errorMessage?: string;
  /** Why sending failed, as a typed error with the server's error as `cause`; only when failed. */
  sendError?: StreamChatError;
};

/**
 * Extra fields for `sendMessage(text, extra)`: attachments, `parent_id`, `quoted_message_id`,
 * `mentioned_users` (ids), `silent`, custom fields, or your own `id`.
 */
export type OutgoingMessage = Omit<Message, 'text'>;

const statuses = new Set<string>(['sending', 'received', 'failed', 'updating', 'deleting']);
/** Converted copies of messages whose vendor status is none of ours, so each converts once. */
const converted = new WeakMap<LocalMessage, ChatMessage>();

/**
 * The message with a `ChatMessageStatus`. Messages that already carry one are returned as they
 * are (same object), so unchanged messages keep their identity from one emission to the next.
 */
export function toChatMessage(message: LocalMessage): ChatMessage {
  if (statuses.has(message.status)) {
    return message as ChatMessage;
  }
  let copy = converted.get(message);
  if (!copy) {
    copy = { ...message, status: 'received' };
    converted.set(message, copy);
  }
  return copy;
}

/** A new message id, as the vendor's composer makes them: a random UUID v4. */
export function newMessageId(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The message shown while `payload` is on its way: sent by `user`, now, with status `'sending'`. */
export function optimisticMessage(
  payload: Message & { id: string },
  cid: string,
  user: UserResponse | undefined,
): LocalMessage {
  const now = new Date();
  return {
    ...payload,
    cid,
    type: payload.type ?? 'regular',
    user: user ?? null,
    attachments: payload.attachments ?? [],
    mentioned_users: (payload.mentioned_users ?? []).map((id) => ({ id })),
    latest_reactions: [],
    own_reactions: [],
    reaction_counts: {},
    reaction_scores: {},
    reply_count: 0,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    pinned_at: null,
    status: 'sending',
    error: null,
    quoted_message: null,
  } as LocalMessage;
}

/** What to send again for a message whose original payload is gone. */
export function payloadOf(message: ChatMessage): Message & { id: string } {
  return {
    id: message.id,
    text: message.text,
    attachments: message.attachments,
    mentioned_users: message.mentioned_users?.map((user) => user.id),
    ...(message.parent_id ? { parent_id: message.parent_id } : {}),
    ...(message.show_in_channel !== undefined ? { show_in_channel: message.show_in_channel } : {}),
    ...(message.quoted_message_id ? { quoted_message_id: message.quoted_message_id } : {}),
    ...(message.silent !== undefined ? { silent: message.silent } : {}),
  };
}
