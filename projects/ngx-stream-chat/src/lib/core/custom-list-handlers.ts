import type { Channel, Event as StreamEvent } from 'stream-chat';
import {
  CHANNEL_LIST_HANDLER_FOR,
  ChannelEventHandler,
  ChannelListSetter,
  ChannelNotificationHandler,
} from '../channel-service-extensions';
import type { ChatMessage } from '../chat-message';
import type { ChatEvent, SliceContext } from '../store/chat-slice';
import type { ChannelListCommands, ChannelListState } from './channel-list.slice';

/** Notification events, whose handlers get the event and the list setter only. */
const NOTIFICATIONS = new Set([
  'notification.message_new',
  'notification.added_to_channel',
  'notification.removed_from_channel',
]);

/**
 * Calls the app's channel-list handlers (the vendor's `custom...Handler` properties) in place of
 * the list's own handling, with setters that dispatch what the handler decides.
 */
export class CustomListHandlers {
  private readonly setList: ChannelListSetter;

  constructor(
    private readonly context: SliceContext<ChannelListState>,
    commands: ChannelListCommands,
  ) {
    this.setList = (channels, stopWatching = true) => commands.set(channels, stopWatching);
  }

  /** Calls the app's handler for the event, if there is one; whether it did. */
  handle(event: ChatEvent): boolean {
    const name = CHANNEL_LIST_HANDLER_FOR[event.type];
    const handler = name && this.context.extensions[name];
    if (!handler) return false;
    const streamEvent = event as StreamEvent;
    if (NOTIFICATIONS.has(event.type)) {
      (handler as ChannelNotificationHandler)(
        { eventType: event.type, event: streamEvent },
        this.setList,
      );
      return true;
    }
    const channel = event.cid ? this.channelOf(event.cid) : undefined;
    if (!channel) return false;
    const cid = channel.cid;
    (handler as ChannelEventHandler)(
      streamEvent,
      channel,
      this.setList,
      (messages) => this.context.dispatch({ type: 'ngx.messages.set', cid, messages }),
      (messages) => this.context.dispatch({ type: 'ngx.thread.replies.set', cid, messages }),
      (message: ChatMessage | undefined) =>
        this.context.dispatch({
          type: 'ngx.thread.set',
          cid,
          parentId: message?.id,
          parent: message,
        }),
    );
    return true;
  }

  private channelOf(cid: string): Channel | undefined {
    return this.context.state.byCid.get(cid) ?? this.context.client.activeChannels[cid];
  }
}
