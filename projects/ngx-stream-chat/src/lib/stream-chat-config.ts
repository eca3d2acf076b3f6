import { InjectionToken } from '@angular/core';
import type { StreamChat, StreamChatOptions } from 'stream-chat';
import type { ConnectionRecoveryConfig } from './connection-recovery-config';

/**
 * Builds the `StreamChat` client that the library's services use.
 * The default follows the vendor: `StreamChat.getInstance(apiKey, options)`.
 * Provide another one to use separate clients, for example two users in one test.
 */
export type StreamChatClientFactory = (apiKey: string, options: StreamChatOptions) => StreamChat;

/** What an app configures once through `provideStreamChat()` or `StreamChatModule.forRoot()`. */
export interface StreamChatConfig {
  /**
   * The Stream API key. With it, `ChatClientService.init(userOrId, tokenOrProvider)` needs no key;
   * `init(apiKey, userOrId, tokenOrProvider)`, the vendor's form, uses the key it is given.
   */
  apiKey?: string;
  /**
   * Whether `ChatClientService.pendingInvites$` lists the channels the user is invited to, for
   * every `init()` that does not say otherwise in its options (as the vendor's
   * `trackPendingChannelInvites` init option does). Off by default: it costs a query per `init()`.
   */
  trackPendingChannelInvites?: boolean;
  /** `stream-chat` client options, such as `baseURL` to point at a local emulator. */
  options?: StreamChatOptions;
  /** Builds the client; defaults to `StreamChat.getInstance(apiKey, options)`. */
  clientFactory?: StreamChatClientFactory;
  /**
   * How long one call of a token provider may take, in milliseconds; 10,000 by default.
   * A call that does not answer in time rejects with a `StreamChatError` of kind
   * `token-provider-failed`, so a provider that never settles cannot block `init()` and
   * `disconnectUser()` for good. `Infinity` waits forever.
   */
  tokenProviderTimeoutMs?: number;
  /**
   * How a connected user is brought back after an outage (see `ConnectionRecoveryConfig`); on by
   * default. While offline, the library checks whether the server answers again, then reconnects
   * once (fresh token, socket, state), and reports each outage at most once to `ErrorHandler`.
   * `false` leaves reconnecting to the `stream-chat` client alone.
   */
  connectionRecovery?: ConnectionRecoveryConfig | false;
}

/** The app's `StreamChatConfig`; an empty object when none was provided. */
export const STREAM_CHAT_CONFIG = new InjectionToken<StreamChatConfig>('ngx-stream-chat config', {
  providedIn: 'root',
  factory: () => ({}),
});
