import type { AnyChatSlice } from '../store/chat-slice';
import { activeChannelSlice } from './active-channel.slice';
import { channelListSlice } from './channel-list.slice';
import { messageActionsSlice } from './message-actions.slice';
import { messageJumpSlice } from './message-jump.slice';
import { sendingSlice } from './message-sending.slice';
import { messagesSlice } from './messages.slice';
import { recoverySlice } from './recovery.slice';
import { ownMessageDatesSlice } from './own-message-dates.slice';
import { typingSlice } from './typing.slice';
import { unreadSlice } from './unread.slice';

/**
 * The slices every session has, in reducing order: a slice reads the states of those before it.
 * Optional features (`withThreads()`...) come after these.
 */
export const CORE_SLICES: readonly AnyChatSlice[] = [
  channelListSlice,
  activeChannelSlice,
  messagesSlice,
  typingSlice,
  unreadSlice,
  sendingSlice,
  messageActionsSlice,
  messageJumpSlice,
  ownMessageDatesSlice,
  recoverySlice,
];
