import type { Channel } from 'stream-chat';
import { MarkReadThrottle, canMarkRead } from '../mark-read-throttle';
import { ChatEvent, SliceContext, defineSlice } from '../store/chat-slice';
import { invalidInputError } from '../stream-chat-errors';
import { fromVendorError } from '../vendor-error';
import { CHANNEL_REMOVAL_EVENTS } from './channel-list.slice';

/** Which channel is active. */
export interface ActiveChannelState {
  /** The active channel, if any. */
  readonly channel: Channel | undefined;
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
}

/** The active channel after a batch: selections apply, and removal of the channel clears it. */
export function reduceActiveChannel(
  state: ActiveChannelState,
  events: readonly ChatEvent[],
): ActiveChannelState {
  let channel = state.channel;
  for (const event of events) {
    if (event.type === 'ngx.active.set') {
      channel = event['channel'] as Channel | undefined;
    } else if (
      channel &&
      event.cid === channel.cid &&
      (CHANNEL_REMOVAL_EVENTS.has(event.type) || event.type === 'ngx.list.remove')
    ) {
      channel = undefined;
    }
  }
  return channel === state.channel ? state : { channel };
}

function activeChannelRuntime(context: SliceContext<ActiveChannelState>) {
  /** Increases with every selection, so a slow watch cannot overrule a later one. */
  let selection = 0;
  const readThrottle = new MarkReadThrottle(
    (channel) => markRead(channel),
    (work) => context.outside(work),
  );

  function markRead(channel: Channel): void {
    if (context.disposed || channel !== context.state.channel || !canMarkRead(channel)) return;
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
      if (context.state.channel !== channel) readThrottle.cancel();
      context.dispatch({ type: 'ngx.active.set', cid: channel.cid, channel });
      if (!channel.initialized) {
        const { presence, message_limit } = context.query.options;
        try {
          await context.outside(() =>
            channel.watch({ presence, messages: { limit: message_limit } }),
          );
        } catch (error) {
          throw fromVendorError(error, 'ChannelService.setAsActiveChannel()');
        }
        if (current !== selection || context.disposed) return;
        context.dispatch({ type: 'ngx.active.loaded', cid: channel.cid });
      }
      if (channel.countUnread() > 0 && canMarkRead(channel)) readThrottle.request(channel);
    },
    deselect() {
      selection++;
      readThrottle.cancel();
      context.dispatch({ type: 'ngx.active.set', channel: undefined });
    },
  };

  return {
    commands,
    eventTypes: new Set(['message.new']),
    onEvent(event: ChatEvent) {
      const channel = context.state.channel;
      if (
        event.type === 'message.new' &&
        channel &&
        event.cid === channel.cid &&
        (event as { user?: { id?: string } }).user?.id !== context.userId &&
        canMarkRead(channel)
      ) {
        readThrottle.request(channel);
      }
    },
    dispose() {
      selection++;
      readThrottle.cancel();
    },
  };
}

/**
 * The active channel: the selection, watching it when the client has not loaded it, and marking it
 * read when it is opened and when others' messages arrive while it is active (throttled, and only
 * where the channel's config and the user's capabilities allow it).
 */
export const activeChannelSlice = defineSlice<ActiveChannelState, ActiveChannelCommands>({
  name: 'activeChannel',
  initial: () => ({ channel: undefined }),
  reduce: reduceActiveChannel,
  publish: (state) => ({ activeChannel: state.channel }),
  setup: activeChannelRuntime,
});
