import type { NgZone } from '@angular/core';
import type { Channel, Event as StreamEvent, StreamChat } from 'stream-chat';
import { ActiveChannel } from './active-channel';
import { CHANNEL_LIST_EVENTS, CHANNEL_REMOVAL_EVENTS, ChannelList } from './channel-list';
import { ChannelMessages, hasMoreMessagesOf, messagesOf, typingUsersOf } from './channel-messages';
import type { ChannelQuery, ChannelQueryState } from './channel-query';
import type { ChannelServiceState } from './channel-service-state';
import { MessageSender } from './message-sending';
import type { SessionContext } from './session-context';
import type { StreamChatError } from './stream-chat-errors';
import { UnreadCounts } from './unread-counts';
import { fromVendorError } from './vendor-error';

/** Events the client makes itself, which say nothing about the socket being up. */
const LOCAL_EVENTS = new Set([
  'connection.changed',
  'connection.recovered',
  'channels.queried',
  'capabilities.changed',
  'transport.changed',
  'message.read_locally',
]);

/** What a session needs from `ChannelService`: the zone and the ways to publish. */
export interface ChannelSessionHost {
  readonly zone: NgZone;
  scheduleUpdate(): void;
  updateNow(): void;
  setQueryState(state: ChannelQueryState): void;
  reportError(error: StreamChatError): void;
}

/**
 * One `init()`'s worth of channel state for one connected user: the list, the active channel,
 * message paging and sending, and the client listeners that keep them live. `dispose()` removes
 * every listener and timer; afterwards nothing it started can publish.
 */
export class ChannelSession implements SessionContext {
  /** The channel list. */
  readonly list: ChannelList;
  /** The active channel. */
  readonly active: ActiveChannel;
  /** Message paging and catch-up. */
  readonly messages: ChannelMessages;
  /** Optimistic sending. */
  readonly sender: MessageSender;
  private ended = false;
  private readonly unread = new UnreadCounts();
  private readonly listener: { unsubscribe(): void };

  constructor(
    readonly client: StreamChat,
    readonly userId: string,
    readonly query: ChannelQuery,
    firstPage: Channel[],
    private readonly host: ChannelSessionHost,
  ) {
    this.list = new ChannelList(this, firstPage);
    this.active = new ActiveChannel(this);
    this.messages = new ChannelMessages(this);
    this.sender = new MessageSender(this);
    // One listener for every event: the client calls it after applying the event to its state.
    this.listener = client.on((event) => this.onEvent(event));
  }

  /** Whether the session has ended. */
  get disposed(): boolean {
    return this.ended;
  }

  /**
   * The published state, from the session's list and the client's channel state.
   * @param eventsOnly whether only client events changed state since the last snapshot (a frame
   * update), so unread counts are recounted only for the channels those events were about.
   */
  snapshot(previous: ChannelServiceState, eventsOnly = false): ChannelServiceState {
    const active = this.active.channel;
    this.messages.noteShown(active);
    if (!eventsOnly) this.unread.recountAll();
    const list = this.list;
    const unreadCounts = this.unread.current({
      channels: list.channels,
      membership: list.membership,
      active,
      find: (cid) => (cid === active?.cid ? active : list.find(cid)),
    });
    return {
      ...previous,
      channels: this.list.channels,
      hasMoreChannels: this.list.hasMore,
      activeChannel: active,
      activeChannelMessages: messagesOf(active, previous.activeChannelMessages),
      hasMoreMessages: hasMoreMessagesOf(active),
      usersTypingInChannel: typingUsersOf(active, this.userId, previous.usersTypingInChannel),
      unreadCounts,
    };
  }

  /** Tells the server the user is typing in the active channel (at most every 2 s). */
  async typingStarted(): Promise<void> {
    const channel = this.active.channel;
    if (channel && !channel.disconnected) {
      await this.typingCall(() => channel.keystroke(), 'typingStarted()');
    }
  }

  /** Tells the server the user stopped typing in the active channel. */
  async typingStopped(): Promise<void> {
    const channel = this.active.channel;
    if (channel && !channel.disconnected) {
      await this.typingCall(() => channel.stopTyping(), 'typingStopped()');
    }
  }

  /** Removes every listener and timer. Safe to call twice. */
  dispose(): void {
    this.ended = true;
    this.listener.unsubscribe();
    this.active.dispose();
  }

  /** Runs vendor work outside Angular. */
  outside<T>(work: () => T): T {
    return this.host.zone.runOutsideAngular(work);
  }

  /** Asks the service to publish on the next frame, unless the session is over. */
  scheduleUpdate(): void {
    if (!this.ended) this.host.scheduleUpdate();
  }

  /** Asks the service to publish now, unless the session is over. */
  updateNow(): void {
    if (!this.ended) this.host.updateNow();
  }

  /** Reports where the latest channel query stands, unless the session is over. */
  setQueryState(state: ChannelQueryState): void {
    if (!this.ended) this.host.setQueryState(state);
  }

  /** Reports a background error, unless the session is over. */
  reportError(error: StreamChatError): void {
    if (!this.ended) this.host.reportError(error);
  }

  private async typingCall(call: () => Promise<void>, name: string): Promise<void> {
    try {
      await this.outside(call);
    } catch (error) {
      throw fromVendorError(error, `ChannelService.${name}`);
    }
  }

  /** Applies a client event; any event may change what is shown, so one update per frame. */
  private onEvent(event: StreamEvent): void {
    if (CHANNEL_LIST_EVENTS.has(event.type)) this.onListEvent(event);
    if (event.type === 'message.new') {
      this.messages.noteDelivered(this.active.channel, event.cid, event.message?.id);
      this.active.handle(event);
    } else if (event.type === 'connection.changed' || event.type === 'connection.recovered') {
      this.onConnectionEvent(event);
    }
    if (!LOCAL_EVENTS.has(event.type)) this.messages.noteServerEvent();
    this.unread.noteEvent(event.cid);
    this.scheduleUpdate();
  }

  private onListEvent(event: StreamEvent): void {
    const removed = this.list.handle(event);
    const active = this.active.channel;
    if (
      active &&
      (removed === active || (CHANNEL_REMOVAL_EVENTS.has(event.type) && event.cid === active.cid))
    ) {
      this.active.deselect();
    }
  }

  private onConnectionEvent(event: StreamEvent): void {
    if (event.type === 'connection.changed' && event.online === true) {
      // The new socket is up and the client has not recovered yet: note where the messages end.
      this.messages.rememberNewest(this.active.channel);
    } else if (event.type === 'connection.recovered') {
      void this.recover();
    }
  }

  /** After a reconnect: the list and the active channel's messages catch up. */
  private async recover(): Promise<void> {
    const active = this.active.channel;
    const wasListed = active !== undefined && this.list.has(active.cid);
    await Promise.all([
      this.list.recover(active),
      active &&
        this.messages
          .catchUp(active)
          .catch((error: unknown) =>
            this.reportError(fromVendorError(error, `Catching up channel ${active.cid}`)),
          ),
    ]);
    if (wasListed && active === this.active.channel && !this.list.has(active.cid)) {
      this.active.deselect();
    }
    this.updateNow();
  }
}
