import { ModuleWithProviders, NgModule } from '@angular/core';
import { StreamChatConfig } from './stream-chat-config';
import { streamChatProviders, streamChatRootGuard } from './stream-chat-providers';

/**
 * Sets up ngx-stream-chat for an NgModule app. Import `StreamChatModule.forRoot(config)` once in
 * the root module; a plain `StreamChatModule` import works too and uses the default config.
 */
@NgModule({})
export class StreamChatModule {
  /** Provides the library with `config`, exactly as `provideStreamChat(config)` does. */
  static forRoot(config: StreamChatConfig = {}): ModuleWithProviders<StreamChatModule> {
    return {
      ngModule: StreamChatModule,
      providers: [...streamChatProviders(config), streamChatRootGuard],
    };
  }
}
