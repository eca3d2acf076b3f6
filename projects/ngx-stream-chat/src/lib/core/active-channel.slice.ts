import type { Channel, Event as StreamEvent } from 'stream-chat';
import { MarkReadThrottle, canMarkRead } from '../mark-read-throttle';
import { ChatEvent, SliceContext, StoreView, defineSlice } from '../store/chat-slice';
import { invalidInputError, unknownMessageError } from '../stream-chat-errors';
import { fromVendorError } from '../vendor-error';
import { requireCapability } from './capabilities';
import { CHANNEL_REMOVAL_EVENTS } from './channel-list.slice';

/** Which channel is active, and where the user had read up to when it was opened. */
export interface ActiveChannelState {
  /** The active channel, if any. */
  readonly channel: Channel | undefined;
  /** Whether a switch is under way (from selection until its messages are loaded). */
  readonly switching: boolean;
  /** The last read message when the channel was opened or marked unread. */
  readonly lastReadMessageId: string | undefined;
  /** The unread count when the channel was opened or marked unread. */
  readonly unreadCount: number | undefined;
}

/** The active channel's commands. */
export interface ActiveChannelCommands {
  /**
   * Selects `channel`, watches it if the client has not loaded it yet, then marks it read if it
   * has unread messages.
   * @throws StreamChatError when the channel belongs to a disconnected client or cannot be watched.
   */
  select(channel: Channel): Promise<void>;
  /** Clears the selection. */
  deselect(): void;
  /**
   * Marks the active channel unread from `messageId` on; the channel is not marked read again
   * until another channel is opened or the user sends a message.
   */
  markUnread(messageId: string): Promise<void>;
  /** Marks the active channel read now if it has unread messages (when reads are allowed again). */
  markReadIfUnread(): void;
}

const NONE: ActiveChannelState = {
  channel: undefined,
  switching: false,
  lastReadMessageId: undefined,
  unreadCount: undefined,
};

/** The user's read state of the channel, as the client holds it. */
function readStateOf(channel: Channel, userId: string) {
  const read = channel.state.read[userId];
  return { lastReadMessageId: read?.last_read_message_id, unreadCount: read?.unread_messages };
}

/**
 * The active channel after a batch: selections apply, removal of the channel clears it, and the
 * read state is taken when the channel opens (before it is marked read) and when it is marked
 * unread.
 */
export function reduceActiveChannel(
  state: ActiveChannelState,
  events: readonly ChatEvent[],
  view: Pick<StoreView, 'userId'>,
): ActiveChannelState {
  let next = state;
  for (const event of events) {
    const channel = next.channel;
    if (event.type === 'ngx.active.set') {
      const selected = event['channel'] as Channel | undefined;
      next = selected
        ? { channel: selected, switching: true, ...readStateOf(selected, view.userId) }
        : NONE;
    } else if (event.type === 'ngx.active.loaded' && channel && event.cid === channel.cid) {
      next = { ...next, switching: false, ...readStateOf(channel, view.userId) };
    } else if (event.type === 'ngx.active.settled' && channel && event.cid === channel.cid) {
      next = next.switching ? { ...next, switching: false } : next;
    } else if (
      event.type === 'notification.mark_unread' &&
      channel &&
      event.cid === channel.cid &&
      (event as StreamEvent).user?.id === view.userId
    ) {
      const unread = event as StreamEvent;
      next = {
        ...next,
        lastReadMessageId: unread.last_read_message_id,
        unreadCount: unread.unread_messages,
      };
    } else if (
      channel &&
      event.cid === channel.cid &&
      (CHANNEL_REMOVAL_EVENTS.has(event.type) || event.type === 'ngx.list.remove')
    ) {
      next = NONE;
    }
  }
  return next;
}

function activeChannelRuntime(context: SliceContext<ActiveChannelState>) {
  /** Increases with every selection, so a slow watch cannot overrule a later one. */
  let selection = 0;
  /** Set by `markUnread()`: no automatic mark-read until another channel or an own message. */
  let readPaused = false;
  const readThrottle = new MarkReadThrottle(
    (channel) => markRead(channel),
    (work) => context.outside(work),
  );

  function markRead(channel: Channel): void {
    if (
      readPaused ||
      context.extensions.shouldMarkActiveChannelAsRead === false ||
      context.disposed ||
      channel !== context.state.channel ||
      !canMarkRead(channel)
    ) {
      return;
    }
    // While the connection is down the request would fail; the channel is marked read once the
    // connection is recovered (see onEvent), so an outage reports no mark-read failures.
    if (context.client.wsConnection?.isHealthy === false) return;
    context
      .outside(() => channel.markRead())
      .catch((error: unknown) =>
        context.reportError(fromVendorError(error, `Marking channel ${channel.cid} read`)),
      );
  }

  const commands: ActiveChannelCommands = {
    async select(channel) {
      if (channel.disconnected) {
        throw invalidInputError(
          `setAsActiveChannel() was given channel ${channel.cid}, whose client was disconnected ` +
            'or which was deleted. Pass a channel of the connected user, such as one from channels$.',
        );
      }
      const current = ++selection;
      if (context.state.channel !== channel) {
        readThrottle.cancel();
        readPaused = false;
      }
      context.dispatch({ type: 'ngx.active.set', cid: channel.cid, channel });
      if (!channel.initialized) {
        const { presence, message_limit } = context.query.options;
        try {
          await context.outside(() =>
            channel.watch({ presence, messages: { limit: message_limit } }),
          );
        } catch (error) {
          if (current === selection)
            context.dispatch({ type: 'ngx.active.settled', cid: channel.cid });
          throw fromVendorError(error, 'ChannelService.setAsActiveChannel()');
        }
        if (current !== selection || context.disposed) return;
        context.dispatch({ type: 'ngx.active.loaded', cid: channel.cid });
      } else {
        context.dispatch({ type: 'ngx.active.settled', cid: channel.cid });
      }
      if (channel.countUnread() > 0 && canMarkRead(channel)) readThrottle.request(channel);
    },
    deselect() {
      selection++;
      readThrottle.cancel();
      readPaused = false;
      context.dispatch({ type: 'ngx.active.set', channel: undefined });
    },
    markReadIfUnread() {
      const channel = context.state.channel;
      if (channel && channel.countUnread() > 0 && canMarkRead(channel)) {
        readThrottle.request(channel);
      }
    },
    async markUnread(messageId) {
      const call = 'markMessageUnread()';
      const channel = context.state.channel;
      if (!channel) throw invalidInputError(`ChannelService.${call} needs an active channel.`);
      if (!channel.state.findMessage(messageId)) throw unknownMessageError(call, messageId);
      requireCapability(channel, 'read-events', call);
      readThrottle.cancel();
      const wasPaused = readPaused;
      readPaused = true;
      try {
        await context.outside(() => channel.markUnread({ message_id: messageId }));
      } catch (error) {
        readPaused = wasPaused;
        throw fromVendorError(error, `ChannelService.${call}`);
      }
    },
  };

  return {
    commands,
    eventTypes: new Set(['message.new', 'connection.recovered']),
    onEvent(event: ChatEvent) {
      const channel = context.state.channel;
      if (event.type === 'connection.recovered') commands.markReadIfUnread();
      if (event.type !== 'message.new' || !channel || event.cid !== channel.cid) return;
      const { user, message } = event as StreamEvent;
      const own = user?.id === context.userId;
      // A reply shown only in its thread leaves the channel read: nothing to mark.
      const threadOnly = !!message?.parent_id && !message.show_in_channel;
      if (own) readPaused = false;
      else if (!threadOnly && canMarkRead(channel)) readThrottle.request(channel);
    },
    dispose() {
      selection++;
      readThrottle.cancel();
    },
  };
}

/**
 * The active channel: the selection, watching it when the client has not loaded it, marking it
 * read when it is opened and when others' messages arrive while it is active (throttled, and only
 * where the channel's config and the user's capabilities allow it), and marking it unread.
 */
export const activeChannelSlice = defineSlice<ActiveChannelState, ActiveChannelCommands>({
  name: 'activeChannel',
  initial: () => NONE,
  reduce: reduceActiveChannel,
  publish: (state) => ({
    activeChannel: state.channel,
    channelSwitchState: state.switching ? 'start' : 'end',
    activeChannelLastReadMessageId: state.lastReadMessageId,
    activeChannelUnreadCount: state.unreadCount,
  }),
  setup: activeChannelRuntime,
});
