import { EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import { StreamChatConfig } from './stream-chat-config';
import { streamChatProviders, streamChatRootGuard } from './stream-chat-providers';

/**
 * Sets up ngx-stream-chat for a standalone app.
 *
 * @example
 * bootstrapApplication(App, {
 *   providers: [provideStreamChat({ apiKey: 'my-key', options: { baseURL: 'http://127.0.0.1:3100' } })],
 * });
 */
export function provideStreamChat(config: StreamChatConfig = {}): EnvironmentProviders {
  return makeEnvironmentProviders([...streamChatProviders(config), streamChatRootGuard]);
}
