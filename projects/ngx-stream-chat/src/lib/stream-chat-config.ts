import { InjectionToken } from '@angular/core';
import type { StreamChat, StreamChatOptions } from 'stream-chat';

/**
 * Builds the `StreamChat` client that the library's services use.
 * The default follows the vendor: `StreamChat.getInstance(apiKey, options)`.
 * Provide another one to use separate clients, for example two users in one test.
 */
export type StreamChatClientFactory = (apiKey: string, options: StreamChatOptions) => StreamChat;

/** What an app configures once through `provideStreamChat()` or `StreamChatModule.forRoot()`. */
export interface StreamChatConfig {
  /** The Stream API key; `ChatClientService.init` may also be given one. */
  apiKey?: string;
  /** `stream-chat` client options, such as `baseURL` to point at a local emulator. */
  options?: StreamChatOptions;
  /** Builds the client; defaults to `StreamChat.getInstance(apiKey, options)`. */
  clientFactory?: StreamChatClientFactory;
}

/** The app's `StreamChatConfig`; an empty object when none was provided. */
export const STREAM_CHAT_CONFIG = new InjectionToken<StreamChatConfig>('ngx-stream-chat config', {
  providedIn: 'root',
  factory: () => ({}),
});
