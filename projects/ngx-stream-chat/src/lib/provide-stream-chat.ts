import { EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import { StreamChatConfig } from './stream-chat-config';
import type { StreamChatFeature } from './stream-chat-feature';
import { streamChatProviders, streamChatRootGuard } from './stream-chat-providers';

/**
 * Sets up ngx-stream-chat for a standalone app, with the optional features it uses.
 *
 * @param config the API key, client options and more.
 * @param features optional parts: `withThreads()`, `withReactions()`, `withAttachments()`.
 *
 * @example
 * bootstrapApplication(App, {
 *   providers: [
 *     provideStreamChat({ apiKey: 'my-key', options: { baseURL: 'http://127.0.0.1:3100' } }, withThreads()),
 *   ],
 * });
 */
export function provideStreamChat(
  config: StreamChatConfig = {},
  ...features: StreamChatFeature[]
): EnvironmentProviders {
  return makeEnvironmentProviders([
    ...streamChatProviders(config),
    streamChatRootGuard,
    ...features.flatMap((feature) => feature.providers),
  ]);
}
