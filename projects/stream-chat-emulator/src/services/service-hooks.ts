import type { Caller } from '../auth/caller';
import type { NewMessage } from '../store/chat-store';
import type { ChannelRecord } from '../store/model';
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
   * Runs after the checks before sending (`beforeSendMessage`), before the message is stored:
   * a feature that handles the message itself (a `/command`) returns the response body to
   * answer instead; nothing is stored or broadcast then. `undefined` lets the message through.
   * @throws ApiError to refuse the message.
   */
  interceptMessage?(
    services: CoreServices,
    send: MessageToSend,
  ): Record<string, unknown> | undefined;
}
