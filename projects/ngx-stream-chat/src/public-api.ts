/**
 * Angular services for Stream Chat: `ChatClientService` connects users, `ChannelService` keeps
 * their channels and messages live, `provideStreamChat()` configures both.
 *
 * @packageDocumentation
 * @module ngx-stream-chat
 */
export { ChatClientService } from './lib/chat-client.service';
export type { ChatConnectResult } from './lib/chat-client.service';
export type { ChatAppSettings } from './lib/client/app-settings';
export type { ClientEvent } from './lib/client/client-event';
export type { ChatInitOptions } from './lib/client/init-arguments';
export { ChannelService } from './lib/channel.service';
export type {
  AttachmentUpload,
  AttachmentUploadErrorInfo,
  AttachmentUploadErrorReason,
} from './lib/attachment-upload';
export type {
  AttachmentDeleteRequest,
  AttachmentRequests,
  AttachmentUploadRequest,
  AttachmentUploadResult,
} from './lib/attachment-requests';
export type { ChannelListOptions, ChannelQueryState } from './lib/channel-query';
export type {
  ChannelEventHandler,
  ChannelListSetter,
  ChannelNotificationHandler,
  MessageInput,
} from './lib/channel-service-extensions';
export type {
  ChannelPaginator,
  ChannelQueryResult,
  ChannelQueryType,
  FilterPageConfiguration,
  NextPageConfiguration,
  OffsetPageConfiguration,
} from './lib/core/channel-pager';
export type { MessageJumpTarget } from './lib/store/chat-state';
export type { ChatMessage, ChatMessageStatus, OutgoingMessage } from './lib/chat-message';
export type { ChatTokenInput, ChatUserInput } from './lib/connect-request';
export type { ConnectionState } from './lib/connection-state';
export type { ConnectionRecoveryConfig } from './lib/connection-recovery-config';
export type { ChatUser } from './lib/own-user';
export { provideStreamChat } from './lib/provide-stream-chat';
export type { StreamChatFeature } from './lib/stream-chat-feature';
export { withThreads } from './lib/features/threads/with-threads';
export { withReactions } from './lib/features/reactions/with-reactions';
export { withAttachments } from './lib/features/attachments/with-attachments';
export type { AttachmentsOptions } from './lib/features/attachments/with-attachments';
export { attachmentUploadOf, attachmentsOf } from './lib/features/attachments/attachments-of';
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
