import type {
  ChannelEventHandler,
  ChannelNotificationHandler,
  MessageInput,
} from './channel-service-extensions';
import type { ChatMessage } from './chat-message';
import type { ChannelPaginator } from './core/channel-pager';

/**
 * The vendor's extension points of `ChannelService`, as settable properties. They are read when
 * they apply, so they may be set at any time; `undefined` restores the service's own behaviour.
 *
 * @example
 * channelService.customNewMessageNotificationHandler = (clientEvent, setChannels) => {
 *   // keep the list as it is: do not add channels on notifications
 * };
 * channelService.beforeSendMessage = (input) => ({ ...input, customData: { app: 'web' } });
 */
export abstract class ChannelServiceExtensionPoints {
  /**
   * Replaces the list's handling of `notification.message_new` (a message in a channel the user
   * does not watch; by default the channel is watched and put on top).
   */
  customNewMessageNotificationHandler?: ChannelNotificationHandler;
  /** Replaces the list's handling of `notification.added_to_channel` (default: watch, put on top). */
  customAddedToChannelNotificationHandler?: ChannelNotificationHandler;
  /** Replaces the list's handling of `notification.removed_from_channel` (default: take it off). */
  customRemovedFromChannelNotificationHandler?: ChannelNotificationHandler;
  /** Replaces the list's handling of `channel.deleted` (default: take it off). */
  customChannelDeletedHandler?: ChannelEventHandler;
  /** Replaces the list's handling of `channel.updated` (default: publish the list anew). */
  customChannelUpdatedHandler?: ChannelEventHandler;
  /** Replaces the list's handling of `channel.truncated` (default: publish the list anew). */
  customChannelTruncatedHandler?: ChannelEventHandler;
  /** Replaces the list's handling of `channel.hidden` (default: take it off). */
  customChannelHiddenHandler?: ChannelEventHandler;
  /** Replaces the list's handling of `channel.visible` (default: watch it, put it on top). */
  customChannelVisibleHandler?: ChannelEventHandler;
  /** Replaces the list's handling of `message.new` in a watched channel (default: move it to the top). */
  customNewMessageHandler?: ChannelEventHandler;
  /**
   * Called before a message is listed and sent: return the message to send (transformed or
   * enriched). A rejection rejects `sendMessage()`, and nothing is listed.
   */
  beforeSendMessage?: (input: MessageInput) => MessageInput | Promise<MessageInput>;
  /** Called before an edit is shown and sent: return the message to send. */
  beforeUpdateMessage?: (message: ChatMessage) => ChatMessage | Promise<ChatMessage>;
  /**
   * Asked before a message is deleted on the server: resolve `false` to keep it (`deleteMessage()`
   * then resolves without deleting). Not asked for local deletes.
   */
  messageDeleteConfirmationHandler?: (message: ChatMessage) => Promise<boolean>;
  /**
   * Decides where the next page of channels starts, from the page just loaded: an offset, or
   * extra filters (for example `{ last_message_at: { $lt: oldest } }`). Offset paging by default.
   */
  customPaginator?: ChannelPaginator;
}
