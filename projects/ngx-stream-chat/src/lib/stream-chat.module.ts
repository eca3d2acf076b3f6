import { ModuleWithProviders, NgModule } from '@angular/core';
import { StreamChatConfig } from './stream-chat-config';
import type { StreamChatFeature } from './stream-chat-feature';
import { streamChatProviders, streamChatRootGuard } from './stream-chat-providers';

/**
 * Sets up ngx-stream-chat for an NgModule app. Import `StreamChatModule.forRoot(config)` once in
 * the root module; a plain `StreamChatModule` import works too and uses the default config.
 */
@NgModule({})
export class StreamChatModule {
  /**
   * Provides the library with `config` and `features`, exactly as
   * `provideStreamChat(config, ...features)` does.
   */
  static forRoot(
    config: StreamChatConfig = {},
    ...features: StreamChatFeature[]
  ): ModuleWithProviders<StreamChatModule> {
    return {
      ngModule: StreamChatModule,
      providers: [
        ...streamChatProviders(config),
        streamChatRootGuard,
        ...features.flatMap((feature) => feature.providers),
      ],
    };
  }
}
