import type { Channel, Event as StreamEvent } from 'stream-chat';
import { MarkReadThrottle, canMarkRead } from './mark-read-throttle';
import type { SessionContext } from './session-context';
import { invalidInputError } from './stream-chat-errors';
import { fromVendorError } from './vendor-error';

/**
 * The active channel of one session: which channel is selected, watching it when the client does
 * not yet, and marking it read when it is opened and when others' messages arrive while it is
 * active (throttled, and only where the channel's config and the user's capabilities allow it).
 */
export class ActiveChannel {
  private selected: Channel | undefined;
  /** Increases with every selection, so a slow watch cannot overrule a later one. */
  private selection = 0;
  private readonly readThrottle: MarkReadThrottle;

  constructor(private readonly context: SessionContext) {
    this.readThrottle = new MarkReadThrottle(
      (channel) => this.markRead(channel),
      (work) => context.outside(work),
    );
  }

  /** The selected channel, if any. */
  get channel(): Channel | undefined {
    return this.selected;
  }

  /**
   * Selects `channel`, publishes the selection, watches the channel if the client has not loaded
   * it yet, then marks it read if it has unread messages.
   * @throws StreamChatError when the channel belongs to a disconnected client or cannot be watched.
   */
  async select(channel: Channel): Promise<void> {
    if (channel.disconnected) {
      throw invalidInputError(
        `setAsActiveChannel() was given channel ${channel.cid}, whose client was disconnected ` +
          'or which was deleted. Pass a channel of the connected user, such as one from channels$.',
      );
    }
    const selection = ++this.selection;
    if (this.selected !== channel) {
      this.readThrottle.cancel();
    }
    this.selected = channel;
    this.context.updateNow();
    if (!channel.initialized) {
      const { presence, message_limit } = this.context.query.options;
      try {
        await this.context.outside(() =>
          channel.watch({ presence, messages: { limit: message_limit } }),
        );
      } catch (error) {
        throw fromVendorError(error, 'ChannelService.setAsActiveChannel()');
      }
      if (selection !== this.selection || this.context.disposed) {
        return;
      }
      this.context.updateNow();
    }
    if (channel.countUnread() > 0 && canMarkRead(channel)) {
      this.readThrottle.request(channel);
    }
  }

  /** Clears the selection and drops a pending mark-read. */
  deselect(): void {
    this.selection++;
    this.selected = undefined;
    this.readThrottle.cancel();
  }

  /** Marks the active channel read (throttled) when someone else's message arrives in it. */
  handle(event: StreamEvent): void {
    const channel = this.selected;
    if (
      event.type === 'message.new' &&
      channel &&
      event.cid === channel.cid &&
      event.user?.id !== this.context.userId &&
      canMarkRead(channel)
    ) {
      this.readThrottle.request(channel);
    }
  }

  /** Stops every timer; the session is over. */
  dispose(): void {
    this.deselect();
  }

  private markRead(channel: Channel): void {
    if (this.context.disposed || channel !== this.selected || !canMarkRead(channel)) {
      return;
    }
    this.context
      .outside(() => channel.markRead())
      .catch((error: unknown) =>
        this.context.reportError(fromVendorError(error, `Marking channel ${channel.cid} read`)),
      );
  }
}
