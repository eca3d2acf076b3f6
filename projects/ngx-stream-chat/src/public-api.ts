/*
 * Public API of ngx-stream-chat.
 */
export { provideStreamChat } from './lib/provide-stream-chat';
export { StreamChatModule } from './lib/stream-chat.module';
export { STREAM_CHAT_CONFIG } from './lib/stream-chat-config';
export type { StreamChatConfig, StreamChatClientFactory } from './lib/stream-chat-config';
