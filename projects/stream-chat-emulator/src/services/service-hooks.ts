import type { Caller } from '../auth/caller';
import type { NewMessage } from '../store/chat-store';
import type { ChannelRecord } from '../store/model';
import type { CallerChannelFields } from '../store/channel-queries';
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

/** A `POST /channels/{type}/{id}` (UpdateChannel) request, as the features' part of it sees it. */
export interface ChannelUpdateRequest {
  /** Who made the request; the core already checked that it may update the channel. */
  caller: Caller;
  channel: ChannelRecord;
  /** The whole JSON body (`invites`, `add_moderators`, `cooldown`...). */
  body: JsonObject;
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
   * Caller-dependent channel fields the feature adds to `queryChannels` filters and sort keys
   * (e.g. `pinned`, `pinned_at`, `hidden`): each resolver gets the channel and the querying
   * user's id. A feature's field overrides the core's field of the same name.
   */
  channelQueryFields?(services: CoreServices): CallerChannelFields;
  /**
   * Takes part in `POST /channels/{type}/{id}` (UpdateChannel): reads the body fields the
   * feature handles, checks them and the caller's rights, and returns what to apply. Every
   * feature's check runs before anything is stored; the returned functions run after the
   * core's own changes, in registration order.
   * @returns the function applying the feature's changes, or `undefined` when the body has
   * none of the feature's fields.
   * @throws ApiError to refuse the whole request; nothing is stored then.
   */
  prepareChannelUpdate?(
    services: CoreServices,
    update: ChannelUpdateRequest,
  ): (() => void) | undefined;
}
