import type { Caller } from '../auth/caller';
import type { NewMessage } from '../store/chat-store';
import type { ChannelRecord, MessageRecord } from '../store/model';
import type { CoreServices } from './emulator-services';

/** A message about to be stored, as the checks before sending see it. */
export interface MessageToSend {
  /** The user the message is sent as. */
  actor: Caller & { kind: 'user' };
  /** Who made the request (the server may send as a user). */
  caller: Caller;
  channel: ChannelRecord;
  message: NewMessage;
}

/**
 * What a feature hooks into the core's request handling. Every hook is optional; the core
 * calls the hooks of every registered feature, in registration order.
 */
export interface ServiceHooks {
  /**
   * Runs before a message is stored (freeze, slow mode, bans...).
   * @throws ApiError to refuse the message; nothing is stored then.
   */
  beforeSendMessage?(services: CoreServices, send: MessageToSend): void;
  /**
   * Runs before a user's WebSocket connection is accepted (bans, deactivated users...).
   * @throws ApiError to refuse the connection.
   */
  beforeConnect?(services: CoreServices, userId: string): void;
  /**
   * Runs after a message was stored and `message.new` went out (thread bookkeeping: the
   * parent's `message.updated`, thread notifications...).
   */
  afterSendMessage?(services: CoreServices, sent: SentMessage): void;
  /**
   * Runs after a message was deleted (soft or hard) and `message.deleted` went out; for a
   * hard delete the record is no longer in the store.
   */
  afterDeleteMessage?(services: CoreServices, deleted: DeletedMessage): void;
  /**
   * Handles `POST /channels/{type}/{id}/read` with `thread_id`: marks only that thread read.
   * @returns the response body (`{event}`), or `undefined` when this feature does not handle it.
   * @throws ApiError to refuse the request.
   */
  markThreadRead?(
    services: CoreServices,
    request: ThreadReadRequest,
  ): Record<string, unknown> | undefined;
  /**
   * Handles `POST /channels/{type}/{id}/unread` with `thread_id`: marks only that thread unread.
   * @returns the response body, or `undefined` when this feature does not handle it.
   * @throws ApiError to refuse the request.
   */
  markThreadUnread?(
    services: CoreServices,
    request: ThreadReadRequest,
  ): Record<string, unknown> | undefined;
}

/** A message that was just stored, as the hooks after sending see it. */
export interface SentMessage {
  /** The user the message was sent as. */
  actor: Caller & { kind: 'user' };
  channel: ChannelRecord;
  message: MessageRecord;
}

/** A message that was just deleted. */
export interface DeletedMessage {
  channel: ChannelRecord;
  /** The record (type `deleted` after a soft delete; no longer stored after a hard delete). */
  message: MessageRecord;
  hard: boolean;
}

/** A read or unread request that names a thread (`thread_id`). */
export interface ThreadReadRequest {
  /** The user whose read state changes. */
  reader: Caller & { kind: 'user' };
  channel: ChannelRecord;
  /** The thread's parent message id. */
  threadId: string;
  /** The request body (`message_id`, `message_timestamp`...). */
  body: Record<string, unknown>;
}
