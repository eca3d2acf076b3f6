import type { Channel, UserResponse } from 'stream-chat';
import type { AttachmentUpload } from '../attachment-upload';
import type { ChannelQueryState } from '../channel-query';
import type { ChatMessage } from '../chat-message';
import { NO_UNREAD_COUNTS, UnreadCountsView } from '../unread-counts';

/** The message to scroll to and highlight after `jumpToMessage()`; `{}` when there is none. */
export interface MessageJumpTarget {
  /** The message's id. */
  id?: string;
  /** Its thread's parent message, for a thread reply. */
  parentId?: string;
}

/**
 * Everything `ChannelService` publishes, as one immutable record. Each field is written by one
 * slice; fields of features an app did not add (`withThreads()`, `withAttachments()`) keep their
 * empty value. `ChannelService`'s observables and signals are derived from these fields by name.
 */
export interface ChatState {
  /** The channel list; `undefined` before `init()`. */
  channels: Channel[] | undefined;
  /** Whether `loadMoreChannels()` may find more channels. */
  hasMoreChannels: boolean;
  /** Where the latest channel query stands. */
  channelQueryState: ChannelQueryState | undefined;
  /** The channel whose messages are shown. */
  activeChannel: Channel | undefined;
  /** The active channel's messages, oldest first. */
  activeChannelMessages: ChatMessage[];
  /** Whether older messages of the active channel can be loaded. */
  hasMoreMessages: boolean;
  /** Whether newer messages than those shown can be loaded (after a jump). */
  hasMoreNewerMessages: boolean;
  /** The active channel's pinned messages, oldest pin first. */
  activeChannelPinnedMessages: ChatMessage[];
  /** Who else is typing in the active channel's main list. */
  usersTypingInChannel: UserResponse[];
  /** Unread messages per `cid`. */
  unreadCounts: UnreadCountsView;
  /** The message the composer quotes. */
  messageToQuote: ChatMessage | undefined;
  /** The id of the thread's parent message, when a thread is open. */
  activeParentMessageId: string | undefined;
  /** The thread's parent message, when a thread is open. */
  activeParentMessage: ChatMessage | undefined;
  /** The open thread's replies, oldest first. */
  activeThreadMessages: ChatMessage[];
  /** Whether older replies of the open thread can be loaded. */
  hasMoreThreadReplies: boolean;
  /** Who else is typing in the open thread. */
  usersTypingInThread: UserResponse[];
  /** Files being uploaded or uploaded for the active channel's composer. */
  attachmentUploads: AttachmentUpload[];
  /** The last message the user had read in the active channel when it was opened or marked unread. */
  activeChannelLastReadMessageId: string | undefined;
  /** The active channel's unread count when it was opened or marked unread. */
  activeChannelUnreadCount: number | undefined;
  /** The message the list should scroll to and highlight, after `jumpToMessage()`. */
  jumpToMessage: MessageJumpTarget;
  /** `'start'` while the active channel is switching, `'end'` once its state is complete. */
  channelSwitchState: 'start' | 'end';
  /** When the user last sent a message, per channel cid (for slow-mode cooldowns). */
  latestMessageDateByUserByChannels: Record<string, Date>;
}

/** The state before `init()` and after `reset()`. */
export const EMPTY_CHAT_STATE: Readonly<ChatState> = Object.freeze({
  channels: undefined,
  hasMoreChannels: false,
  channelQueryState: undefined,
  activeChannel: undefined,
  activeChannelMessages: [],
  hasMoreMessages: false,
  hasMoreNewerMessages: false,
  activeChannelPinnedMessages: [],
  usersTypingInChannel: [],
  unreadCounts: NO_UNREAD_COUNTS,
  messageToQuote: undefined,
  activeParentMessageId: undefined,
  activeParentMessage: undefined,
  activeThreadMessages: [],
  hasMoreThreadReplies: false,
  usersTypingInThread: [],
  attachmentUploads: [],
  activeChannelLastReadMessageId: undefined,
  activeChannelUnreadCount: undefined,
  jumpToMessage: {},
  channelSwitchState: 'end',
  latestMessageDateByUserByChannels: {},
});
