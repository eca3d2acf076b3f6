import type { Channel, LocalMessage, Message } from 'stream-chat';
import {
  ChatMessage,
  OutgoingMessage,
  newMessageId,
  optimisticMessage,
  payloadOf,
  toChatMessage,
} from './chat-message';
import type { SessionContext } from './session-context';
import { StreamChatError, messageGoneError, notResendableError } from './stream-chat-errors';
import { fromVendorError } from './vendor-error';

/** A message on its way: where it goes and exactly what was asked to send. */
interface Outgoing {
  channel: Channel;
  payload: Message & { id: string };
}

/** Whether the server refused the message because it already has one with its id. */
function isAlreadyStored(error: StreamChatError): boolean {
  return error.code === 4 && /already exists/i.test(error.message);
}

/**
 * Sends messages optimistically: the message is listed at once with status `'sending'`, then
 * replaced by the server's copy (`'received'`), or kept with status `'failed'` and the error so
 * that it can be resent with the same id. Message state lives in the client's channel state,
 * which matches the server's copy and the `message.new` echo by id.
 */
export class MessageSender {
  /** What was asked to send, by message id, until it is received. */
  private readonly outgoing = new Map<string, Outgoing>();

  constructor(private readonly context: SessionContext) {}

  /** Lists `text` (with `extra` fields) in the channel at once, then sends it. */
  send(channel: Channel, text: string, extra: OutgoingMessage = {}): Promise<ChatMessage> {
    const payload = { ...extra, id: extra.id ?? newMessageId(), text };
    this.outgoing.set(payload.id, { channel, payload });
    this.put(channel, optimisticMessage(payload, channel.cid, this.context.client.user));
    return this.deliver(channel, payload);
  }

  /**
   * Sends a failed message again, with the same id, so the server never stores it twice.
   * @throws StreamChatError `invalid-input` when the message did not fail or its channel is gone.
   */
  async resend(message: ChatMessage): Promise<ChatMessage> {
    const outgoing = this.outgoing.get(message.id) ?? this.outgoingFor(message);
    const current = this.find(outgoing.channel, outgoing.payload);
    if (current?.status !== 'failed') {
      throw notResendableError(
        message.id,
        `its status is '${current?.status ?? 'unknown'}', and only failed messages can be resent`,
      );
    }
    this.put(outgoing.channel, {
      ...current,
      status: 'sending',
      errorMessage: undefined,
      sendError: undefined,
    } as LocalMessage);
    return this.deliver(outgoing.channel, outgoing.payload);
  }

  private outgoingFor(message: ChatMessage): Outgoing {
    const channel = message.cid ? this.context.client.activeChannels[message.cid] : undefined;
    if (!channel) {
      throw notResendableError(
        message.id,
        'its channel is not loaded; pass a message listed by activeChannelMessages$',
      );
    }
    return { channel, payload: payloadOf(message) };
  }

  private async deliver(channel: Channel, payload: Message & { id: string }): Promise<ChatMessage> {
    try {
      const response = await this.context.outside(() => channel.sendMessage(payload));
      this.outgoing.delete(payload.id);
      this.put(channel, { ...channel.state.formatMessage(response.message), status: 'received' });
    } catch (vendorError) {
      const error = fromVendorError(vendorError, 'ChannelService.sendMessage()');
      const current = this.find(channel, payload);
      if (isAlreadyStored(error)) {
        this.outgoing.delete(payload.id);
        if (current && current.status !== 'received') {
          this.put(channel, { ...current, status: 'received' } as LocalMessage);
        }
      } else if (current && current.status !== 'received') {
        // A `message.new` echo means the server stored it even though the answer was lost.
        this.put(channel, {
          ...current,
          status: 'failed',
          errorMessage: error.message,
          sendError: error,
        } as LocalMessage);
      }
    }
    const message = this.find(channel, payload);
    if (!message) {
      throw messageGoneError(payload.id);
    }
    return toChatMessage(message);
  }

  /** Puts the message in the channel's latest messages (replacing its older copy) and publishes. */
  private put(channel: Channel, message: LocalMessage): void {
    if (this.context.disposed || channel.disconnected) {
      return;
    }
    channel.state.addMessageSorted(message, true);
    this.context.updateNow();
  }

  /** The channel's copy of the message: in its latest messages, or in its thread for replies. */
  private find(channel: Channel, { id, parent_id }: Message): LocalMessage | undefined {
    const list = channel.state.latestMessages.find((message) => message.id === id);
    return list ?? (parent_id ? channel.state.threads[parent_id] : [])?.find((m) => m.id === id);
  }
}
