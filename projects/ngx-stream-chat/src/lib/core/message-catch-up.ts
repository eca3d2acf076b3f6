import type { Channel, LocalMessage } from 'stream-chat';
import type { SliceContext } from '../store/chat-slice';

/** Messages per request while catching up after a reconnect. */
const CATCH_UP_PAGE_SIZE = 100;
/** Most catch-up requests after one reconnect. */
const MAX_CATCH_UP_PAGES = 20;

/**
 * How far before the last event from the server a message must be, to be sure it was not sent
 * from here while the connection was down (allows for clock skew between client and server).
 */
const CLOCK_SKEW_MARGIN_MS = 60_000;

/** Whether the server has the message (it was not just sent from here, or failed to send). */
export function isStored(message: LocalMessage): boolean {
  return message.status !== 'sending' && message.status !== 'failed';
}

/**
 * Where the active channel's messages must catch up from after a reconnect, and the catch-up
 * itself. The point is the newest message known to have come from the server: delivered over the
 * socket, or loaded when the channel was shown; never one sent from here while the socket was
 * down (those sit after messages that were missed).
 */
export class MessageCatchUp {
  /** The newest message of the active channel known to have come from the server. */
  private anchor: { channel: Channel; messageId: string | undefined } | undefined;
  /**
   * The channel whose catch-up is due or under way: from the reconnect until a catch-up has
   * loaded what was missed, a delivered message does not show that nothing before it is missing.
   */
  private recovering: Channel | undefined;
  /** When the last event from the server arrived (client time). */
  private lastServerEventAt = Date.now();

  constructor(private readonly context: SliceContext<unknown>) {}

  /** Notes that an event came from the server just now (the socket was up). */
  noteServerEvent(): void {
    this.lastServerEventAt = Date.now();
  }

  /** Notes a `message.new` that arrived over the socket, unless a catch-up is due. */
  noteDelivered(channel: Channel | undefined, cid: string | undefined, id: string | undefined) {
    if (channel && id && channel.cid === cid && channel !== this.recovering) {
      this.anchor = { channel, messageId: id };
    }
  }

  /** The channel is shown with what the server gave: catch-up may start after its newest message. */
  noteShown(channel: Channel | undefined): void {
    if (!channel || this.anchor?.channel === channel) return;
    const newest = channel.state.latestMessages.filter(isStored).at(-1)?.id;
    if (newest) this.anchor = { channel, messageId: newest };
  }

  /**
   * The connection is back, before the client recovers its state: fixes the point from which
   * `catchUp()` asks for what was missed. Without a delivered message, it is the newest stored
   * message older than the last server event, less a margin for clock skew.
   */
  rememberNewest(channel: Channel | undefined): void {
    if (!channel) return;
    this.recovering = channel;
    if (this.anchor?.channel === channel) return;
    const before = this.lastServerEventAt - CLOCK_SKEW_MARGIN_MS;
    const settled = channel.state.latestMessages.filter(
      (message) => isStored(message) && message.created_at.getTime() <= before,
    );
    this.anchor = { channel, messageId: settled.at(-1)?.id };
  }

  /**
   * Loads every message newer than the remembered one, page by page, into the channel's latest
   * messages (re-watching the channel on the new connection).
   */
  async catchUp(channel: Channel): Promise<void> {
    const anchor = this.anchor?.channel === channel ? this.anchor.messageId : undefined;
    const { presence, message_limit } = this.context.query.options;
    let after = anchor;
    for (let page = 0; page < MAX_CATCH_UP_PAGES && !channel.disconnected; page++) {
      const limit = after ? CATCH_UP_PAGE_SIZE : message_limit;
      const response = await this.context.outside(() =>
        channel.query(
          { watch: true, presence, messages: { limit, ...(after ? { id_gt: after } : {}) } },
          'latest',
        ),
      );
      if (this.context.disposed || !after || response.messages.length < limit) break;
      after = response.messages.at(-1)?.id;
    }
    const newest = channel.state.latestMessages.filter(isStored).at(-1)?.id;
    this.anchor = { channel, messageId: newest };
    if (this.recovering === channel) this.recovering = undefined;
  }
}
