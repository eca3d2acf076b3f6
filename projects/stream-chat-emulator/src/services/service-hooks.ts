import type { Caller } from '../auth/caller';
import type { NewMessage } from '../store/chat-store';
import type { ChannelRecord, MessageRecord } from '../store/model';
import type { JsonObject } from '../protocol/body-fields';
import type { ChatServices } from './emulator-services';

/** A message about to be stored, as the checks before sending see it. */
export interface MessageToSend {
  /** The user the message is sent as. */
  actor: Caller & { kind: 'user' };
  /** Who made the request (the server may send as a user). */
  caller: Caller;
  channel: ChannelRecord;
  message: NewMessage;
}

/** A message update (`POST /messages/{id}` or `PUT /messages/{id}`), as features see it before it is stored. */
export interface MessageUpdate {
  /** Who made the request. */
  caller: Caller;
  /** The user the update is made as; `undefined` when the server acts as itself. */
  actor?: Caller & { kind: 'user' };
  channel: ChannelRecord;
  /** The stored message, not changed yet. */
  message: MessageRecord;
  /** `full` for `POST /messages/{id}` (the whole message), `partial` for `PUT` (`set`/`unset`). */
  kind: 'full' | 'partial';
  /** The message's text once the update is stored. */
  text: string;
  /** The fields the request sets: the full update's `message`, or the partial update's `set`. */
  set: JsonObject;
  /** The fields a partial update removes (`[]` for full updates). */
  unset: string[];
}

/**
 * A channel update (`POST /channels/{type}/{id}`, UpdateChannel, or `PATCH`,
 * UpdateChannelPartial), as features see it before anything is stored.
 */
export interface ChannelUpdate {
  /** Who makes the request; the core already checked that it may update the channel. */
  caller: Caller;
  channel: ChannelRecord;
  /** `full` for `POST` (UpdateChannel), `partial` for `PATCH` (UpdateChannelPartial). */
  kind: 'full' | 'partial';
  /**
   * The whole JSON body, for top-level fields a feature owns (`cooldown`, `invites`,
   * `add_moderators`...).
   */
  body: JsonObject;
  /**
   * The channel fields the update sets: the custom fields of a full update's `data`, or a
   * partial update's `set`. Features check the fields they own and may add some.
   */
  set: Record<string, unknown>;
  /** The fields a partial update removes (`[]` for full updates). */
  unset: string[];
  /** Whether `set` replaces all channel fields (a full update with `data`). */
  replace: boolean;
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
  beforeSendMessage?(services: ChatServices, send: MessageToSend): void;
  /**
   * Runs before a user's WebSocket connection is accepted (bans, deactivated users...).
   * @throws ApiError to refuse the connection.
   */
  beforeConnect?(services: ChatServices, userId: string): void;
  /**
   * Runs before a message update is stored: checks the fields the feature owns (`pinned`...)
   * and returns what to apply once the core has stored the update (the message's
   * `updatedAt` is then the update's time).
   * @throws ApiError to refuse the update; nothing is stored then.
   */
  prepareMessageUpdate?(services: ChatServices, update: MessageUpdate): (() => void) | undefined;
  /**
   * Runs after a message was stored, before `message.new` goes out (a new message un-hides a
   * channel, so the event finds it visible...).
   */
  afterMessageStored?(services: ChatServices, channel: ChannelRecord, message: MessageRecord): void;
  /**
   * Channel fields as channel filters and sorts read them for one caller (`hidden`, `muted`,
   * `pinned_at`...); they take precedence over the core's values.
   */
  channelQueryFields?(
    services: ChatServices,
    caller: Caller,
    channel: ChannelRecord,
  ): Record<string, unknown>;
  /**
   * Narrows a channel query (`POST /channels`) for the caller beyond its filter, e.g. hidden
   * channels stay out unless the filter names `hidden`.
   * @param filter the query's `filter_conditions`, as sent.
   * @returns a test every listed channel must pass, or `undefined` to list all.
   */
  channelQueryFilter?(
    services: ChatServices,
    caller: Caller,
    filter: unknown,
  ): ((channel: ChannelRecord) => boolean) | undefined;
  /**
   * Narrows the messages a caller's channel state lists (`queryChannels`, `channel.query`),
   * e.g. the history a member cleared by hiding the channel.
   * @returns a test every listed message must pass, or `undefined` to list all.
   */
  messageQueryFilter?(
    services: ChatServices,
    caller: Caller,
    channel: ChannelRecord,
  ): ((message: MessageRecord) => boolean) | undefined;
  /**
   * Takes part in a channel update (`POST` or `PATCH /channels/{type}/{id}`, see
   * `update.kind`): checks the fields the feature owns (`frozen`, `cooldown`, `invites`,
   * `add_moderators`...) and the caller's rights, may add fields to `update.set` (stored with
   * the core's changes), and returns what to apply after them. Every feature's check runs, in
   * registration order, before anything is stored; the returned functions run after the
   * core's own changes, in the same order.
   * @returns the function applying the feature's own changes, or `undefined` when it has none.
   * @throws ApiError to refuse the whole request; nothing is stored then.
   */
  prepareChannelUpdate?(services: ChatServices, update: ChannelUpdate): (() => void) | undefined;
  /**
   * Runs once when the state is loaded and the services are wired, before the emulator
   * listens (e.g. to attach files kept beside the data file).
   * @throws Error to refuse to start.
   */
  onStart?(services: ChatServices): void;
  /**
   * Runs after the checks before sending (`beforeSendMessage`), before the message is stored:
   * a feature that handles the message itself (a `/command`) returns the response body to
   * answer instead; nothing is stored or broadcast then. `undefined` lets the message through.
   * @throws ApiError to refuse the message.
   */
  interceptMessage?(
    services: ChatServices,
    send: MessageToSend,
  ): Record<string, unknown> | undefined;
  /**
   * Runs after a message was stored and `message.new` went out (thread bookkeeping: the
   * parent's `message.updated`, thread notifications...).
   */
  afterMessageNew?(services: ChatServices, sent: SentMessage): void;
  /**
   * Runs after a message was deleted (soft or hard) and `message.deleted` went out; for a
   * hard delete the record is no longer in the store.
   */
  afterDeleteMessage?(services: ChatServices, deleted: DeletedMessage): void;
  /**
   * Handles `POST /channels/{type}/{id}/read` with `thread_id`: marks only that thread read.
   * @returns the response body (`{event}`), or `undefined` when this feature does not handle it.
   * @throws ApiError to refuse the request.
   */
  markThreadRead?(
    services: ChatServices,
    request: ThreadReadRequest,
  ): Record<string, unknown> | undefined;
  /**
   * Handles `POST /channels/{type}/{id}/unread` with `thread_id`: marks only that thread unread.
   * @returns the response body, or `undefined` when this feature does not handle it.
   * @throws ApiError to refuse the request.
   */
  markThreadUnread?(
    services: ChatServices,
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
