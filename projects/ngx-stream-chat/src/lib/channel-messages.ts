import type { Channel, LocalMessage, UserResponse } from 'stream-chat';
import { ChatMessage, toChatMessage } from './chat-message';
import { keepIfSame } from './channel-service-state';
import type { SessionContext } from './session-context';
import { fromVendorError } from './vendor-error';

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
function isStored(message: LocalMessage): boolean {
  return message.status !== 'sending' && message.status !== 'failed';
}

/** The channel's messages, oldest first, as `ChatMessage`s; `previous` when nothing changed. */
export function messagesOf(channel: Channel | undefined, previous: ChatMessage[]): ChatMessage[] {
  return channel ? keepIfSame(previous, channel.state.messages.map(toChatMessage)) : [];
}

/** Whether older messages of the channel can be loaded. */
export function hasMoreMessagesOf(channel: Channel | undefined): boolean {
  return channel?.state.messagePagination.hasPrev ?? false;
}

/**
 * Who is typing in the channel's main list, leaving out `ownUserId`; `previous` when the same
 * users are typing (typing events repeat every few seconds while someone types).
 */
export function typingUsersOf(
  channel: Channel | undefined,
  ownUserId: string,
  previous: UserResponse[],
): UserResponse[] {
  if (!channel) {
    return [];
  }
  const typing = Object.values(channel.state.typing)
    .filter((event) => event.user && event.user.id !== ownUserId && !event.parent_id)
    .map((event) => event.user as UserResponse);
  const sameUsers =
    typing.length === previous.length &&
    typing.every((user, index) => user.id === previous[index].id);
  return sameUsers ? previous : typing;
}

/**
 * Paging and reconnect catch-up for the active channel's messages. The messages themselves stay
 * in the client's channel state, which de-duplicates them by id; this class only asks for pages.
 */
export class ChannelMessages {
  private loading: { channel: Channel; done: Promise<void> } | undefined;
  /** The newest message of the active channel known to have come over the socket. */
  private anchor: { channel: Channel; messageId: string | undefined } | undefined;
  /**
   * The channel whose catch-up is due or under way: from the reconnect until a catch-up has
   * loaded what was missed, a delivered message does not show that nothing before it is missing.
   */
  private recovering: Channel | undefined;
  /** When the last event from the server arrived (client time). */
  private lastServerEventAt = Date.now();

  constructor(private readonly context: SessionContext) {}

  /**
   * Loads the page of messages before the oldest one loaded; resolves at once when there is none.
   * Concurrent calls for the same channel share one request.
   * @throws StreamChatError when the server refuses.
   */
  loadMore(channel: Channel): Promise<void> {
    if (this.loading?.channel === channel) {
      return this.loading.done;
    }
    if (!hasMoreMessagesOf(channel)) {
      return Promise.resolve();
    }
    const oldest = channel.state.messages.find(isStored);
    const limit = this.context.query.options.message_limit;
    const done = this.context
      .outside(() =>
        channel.query({ messages: { limit, ...(oldest ? { id_lt: oldest.id } : {}) } }, 'current'),
      )
      .then(
        () => this.context.updateNow(),
        (error: unknown) => {
          throw fromVendorError(error, 'ChannelService.loadMoreMessages()');
        },
      )
      .finally(() => {
        if (this.loading?.done === done) this.loading = undefined;
      });
    this.loading = { channel, done };
    return done;
  }

  /** Notes that an event came from the server just now (the socket was up). */
  noteServerEvent(): void {
    this.lastServerEventAt = Date.now();
  }

  /**
   * Notes a `message.new` that arrived over the socket: catch-up can start after it. Not while a
   * catch-up is due: the new socket may deliver messages before the missed ones are loaded.
   */
  noteDelivered(
    channel: Channel | undefined,
    cid: string | undefined,
    messageId: string | undefined,
  ): void {
    if (channel && messageId && channel.cid === cid && channel !== this.recovering) {
      this.anchor = { channel, messageId };
    }
  }

  /**
   * The active channel as shown: what it holds was loaded from the server, so catch-up may start
   * after its newest stored message, unless a delivered message already marks the point.
   */
  noteShown(channel: Channel | undefined): void {
    if (!channel || this.anchor?.channel === channel) {
      return;
    }
    const newest = channel.state.latestMessages.filter(isStored).at(-1)?.id;
    if (newest) {
      this.anchor = { channel, messageId: newest };
    }
  }

  /**
   * The connection is back, before the client recovers its state: fixes the point from which
   * `catchUp()` asks for what was missed. That is the newest message that came over the socket,
   * never one sent from here while the socket was down (those sit after messages that were
   * missed). Without a delivered message, it is the newest stored message older than the last
   * server event, less a margin for clock skew.
   */
  rememberNewest(channel: Channel | undefined): void {
    if (!channel) {
      return;
    }
    this.recovering = channel;
    if (this.anchor?.channel === channel) {
      return;
    }
    const before = this.lastServerEventAt - CLOCK_SKEW_MARGIN_MS;
    const settled = channel.state.latestMessages.filter(
      (message) => isStored(message) && message.created_at.getTime() <= before,
    );
    this.anchor = { channel, messageId: settled.at(-1)?.id };
  }

  /**
   * Loads every message newer than the remembered one, page by page, into the channel's latest
   * messages (re-watching the channel on the new connection), so nothing sent while the
   * connection was down is missing and nothing is listed twice.
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
      if (this.context.disposed || !after || response.messages.length < limit) {
        break;
      }
      after = response.messages.at(-1)?.id;
    }
    // Everything up to now came from the server: the next catch-up can start after it.
    const newest = channel.state.latestMessages.filter(isStored).at(-1)?.id;
    this.anchor = { channel, messageId: newest };
    if (this.recovering === channel) {
      this.recovering = undefined;
    }
  }
}
