/*
 * Public API of ngx-stream-chat.
 */
export { ChatClientService } from './lib/chat-client.service';
export type { ChatConnectResult } from './lib/chat-client.service';
export { ChannelService } from './lib/channel.service';
export type { ChannelListOptions, ChannelQueryState } from './lib/channel-query';
export type { ChatMessage, ChatMessageStatus, OutgoingMessage } from './lib/chat-message';
export type { ChatTokenInput, ChatUserInput } from './lib/connect-request';
export type { ConnectionState } from './lib/connection-state';
export type { ConnectionRecoveryConfig } from './lib/connection-recovery-config';
export type { ChatUser } from './lib/own-user';
export { provideStreamChat } from './lib/provide-stream-chat';
export {
  STREAM_CHAT_CLIENT_FACTORY,
  applyClientOptions,
  streamChatSingletonFactory,
} from './lib/stream-chat-client-factory';
export { STREAM_CHAT_CONFIG } from './lib/stream-chat-config';
export type { StreamChatClientFactory, StreamChatConfig } from './lib/stream-chat-config';
export { StreamChatError, isStreamChatError } from './lib/stream-chat-errors';
export type { StreamChatErrorDetails, StreamChatErrorKind } from './lib/stream-chat-errors';
export { StreamChatModule } from './lib/stream-chat.module';
