import { InjectionToken, inject } from '@angular/core';
import { StreamChat, StreamChatOptions } from 'stream-chat';
import { STREAM_CHAT_CONFIG, StreamChatClientFactory } from './stream-chat-config';

/** The vendor's default: the process-wide `StreamChat.getInstance(apiKey, options)` singleton. */
export const streamChatSingletonFactory: StreamChatClientFactory = (apiKey, options) =>
  StreamChat.getInstance(apiKey, options);

/**
 * The factory `ChatClientService` builds its client with: `StreamChatConfig.clientFactory` when
 * configured, otherwise `StreamChat.getInstance`. Provide this token to swap it, for example to give
 * each service its own client with `(key, options) => new StreamChat(key, options)`.
 */
export const STREAM_CHAT_CLIENT_FACTORY = new InjectionToken<StreamChatClientFactory>(
  'ngx-stream-chat client factory',
  {
    providedIn: 'root',
    factory: () => inject(STREAM_CHAT_CONFIG).clientFactory ?? streamChatSingletonFactory,
  },
);

/**
 * Applies `options` to a client that may have been created earlier with other options, as the
 * singleton is when an app calls `StreamChat.getInstance(apiKey).devToken(id)` before `init()`.
 */
export function applyClientOptions(client: StreamChat, options: StreamChatOptions): void {
  if (options.baseURL && client.baseURL !== options.baseURL) {
    client.setBaseURL(options.baseURL);
  }
  Object.assign(client.options, options);
}
