import type { Attachment, Channel, Event as StreamEvent, UserResponse } from 'stream-chat';
import type { ChatMessage } from './chat-message';
import type { ChannelServiceExtensionPoints } from './channel-service-extension-points';
import type { ClientEvent } from './client/client-event';

/**
 * Replaces the channel list: `channels` in order; channels no longer listed stop being watched
 * unless `shouldStopWatchingRemovedChannels` is `false`.
 */
export type ChannelListSetter = (
  channels: Channel[],
  shouldStopWatchingRemovedChannels?: boolean,
) => void;

/** A handler for a notification about a channel that may not be watched yet. */
export type ChannelNotificationHandler = (
  clientEvent: ClientEvent,
  channelListSetter: ChannelListSetter,
) => void;

/** A handler for an event of a watched channel. */
export type ChannelEventHandler = (
  event: StreamEvent,
  channel: Channel,
  channelListSetter: ChannelListSetter,
  messageListSetter: (messages: ChatMessage[]) => void,
  threadListSetter: (messages: ChatMessage[]) => void,
  parentMessageSetter: (message: ChatMessage | undefined) => void,
) => void;

/** A message about to be sent, as `beforeSendMessage` sees and returns it. */
export interface MessageInput {
  /** The text. */
  text: string;
  /** The attachments. */
  attachments: Attachment[];
  /** The mentioned users. */
  mentionedUsers: UserResponse[];
  /** The thread's parent, for a reply. */
  parentId: string | undefined;
  /** The quoted message. */
  quotedMessageId: string | undefined;
  /** Custom fields. */
  customData: Record<string, unknown> | undefined;
}

/**
 * What the session's slices read of the service's extension points: the settable properties of
 * `ChannelServiceExtensionPoints` (declared and documented there, once), and whether the active
 * channel is marked read.
 */
export type ChannelServiceExtensions = Readonly<Partial<ChannelServiceExtensionPoints>> & {
  /** Whether the active channel is marked read as it is opened and as messages arrive. */
  readonly shouldMarkActiveChannelAsRead?: boolean;
};

/** The extension point for each channel-list event type. */
export const CHANNEL_LIST_HANDLER_FOR: Readonly<Record<string, keyof ChannelServiceExtensions>> = {
  'notification.message_new': 'customNewMessageNotificationHandler',
  'notification.added_to_channel': 'customAddedToChannelNotificationHandler',
  'notification.removed_from_channel': 'customRemovedFromChannelNotificationHandler',
  'channel.deleted': 'customChannelDeletedHandler',
  'channel.updated': 'customChannelUpdatedHandler',
  'channel.truncated': 'customChannelTruncatedHandler',
  'channel.hidden': 'customChannelHiddenHandler',
  'channel.visible': 'customChannelVisibleHandler',
  'message.new': 'customNewMessageHandler',
};

/** Whether the app handles this event type for the channel list itself. */
export function hasCustomListHandler(
  extensions: ChannelServiceExtensions,
  eventType: string,
): boolean {
  const name = CHANNEL_LIST_HANDLER_FOR[eventType];
  return name !== undefined && extensions[name] !== undefined;
}
