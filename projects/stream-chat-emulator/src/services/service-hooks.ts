import type { Caller } from '../auth/caller';
import type { NewMessage } from '../store/chat-store';
import type { ChannelRecord, MessageRecord } from '../store/model';
import type { JsonObject } from '../protocol/body-fields';
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
   * Runs before a message update is stored: checks the fields the feature owns (`pinned`...)
   * and returns what to apply once the core has stored the update (the message's
   * `updatedAt` is then the update's time).
   * @throws ApiError to refuse the update; nothing is stored then.
   */
  prepareMessageUpdate?(services: CoreServices, update: MessageUpdate): (() => void) | undefined;
}
