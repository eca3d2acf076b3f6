import type { Channel, LocalMessage, Message } from 'stream-chat';
import {
  ChatMessage,
  OutgoingMessage,
  newMessageId,
  optimisticMessage,
  payloadOf,
  toChatMessage,
} from '../chat-message';
import { SliceContext, defineSlice } from '../store/chat-slice';
import { StreamChatError, messageGoneError, notResendableError } from '../stream-chat-errors';
import { fromVendorError } from '../vendor-error';
import { findMessage, putMessage } from './message-state';

/** A message on its way: where it goes and exactly what was asked to send. */
interface Outgoing {
  channel: Channel;
  payload: Message & { id: string };
}

/** Sending commands. */
export interface SendingCommands {
  /** Lists the message in the channel at once (`'sending'`), then sends it. */
  send(channel: Channel, text: string, extra?: OutgoingMessage): Promise<ChatMessage>;
  /**
   * Sends a failed message again, with the same id, so the server never stores it twice.
   * @throws StreamChatError `invalid-input` when the message did not fail or its channel is gone.
   */
  resend(message: ChatMessage): Promise<ChatMessage>;
}

/** Whether the server refused the message because it already has one with its id. */
function isAlreadyStored(error: StreamChatError): boolean {
  return error.code === 4 && /already exists/i.test(error.message);
}

function sendingRuntime(context: SliceContext<null>) {
  /** What was asked to send, by message id, until it is received. */
  const outgoing = new Map<string, Outgoing>();
  const put = (channel: Channel, message: LocalMessage) => putMessage(context, channel, message);

  function outgoingFor(message: ChatMessage): Outgoing {
    const channel = message.cid ? context.client.activeChannels[message.cid] : undefined;
    if (!channel) {
      throw notResendableError(
        message.id,
        'its channel is not loaded; pass a message listed by activeChannelMessages$',
      );
    }
    return { channel, payload: payloadOf(message) };
  }

  async function deliver(channel: Channel, payload: Message & { id: string }) {
    try {
      const response = await context.outside(() => channel.sendMessage(payload));
      outgoing.delete(payload.id);
      put(channel, { ...channel.state.formatMessage(response.message), status: 'received' });
    } catch (vendorError) {
      const error = fromVendorError(vendorError, 'ChannelService.sendMessage()');
      const current = findMessage(channel, payload.id, payload.parent_id);
      if (isAlreadyStored(error)) {
        outgoing.delete(payload.id);
        if (current && current.status !== 'received') {
          put(channel, { ...current, status: 'received' } as LocalMessage);
        }
      } else if (current && current.status !== 'received') {
        // A `message.new` echo means the server stored it even though the answer was lost.
        put(channel, {
          ...current,
          status: 'failed',
          errorMessage: error.message,
          sendError: error,
        } as LocalMessage);
      }
    }
    const message = findMessage(channel, payload.id, payload.parent_id);
    if (!message) throw messageGoneError(payload.id);
    return toChatMessage(message);
  }

  const commands: SendingCommands = {
    send(channel, text, extra = {}) {
      const payload = { ...extra, id: extra.id ?? newMessageId(), text };
      outgoing.set(payload.id, { channel, payload });
      put(channel, optimisticMessage(payload, channel.cid, context.client.user));
      return deliver(channel, payload);
    },
    async resend(message) {
      const next = outgoing.get(message.id) ?? outgoingFor(message);
      const current = findMessage(next.channel, next.payload.id, next.payload.parent_id);
      if (current?.status !== 'failed') {
        throw notResendableError(
          message.id,
          `its status is '${current?.status ?? 'unknown'}', and only failed messages can be resent`,
        );
      }
      put(next.channel, {
        ...current,
        status: 'sending',
        errorMessage: undefined,
        sendError: undefined,
      } as LocalMessage);
      return deliver(next.channel, next.payload);
    },
  };
  return { commands };
}

/**
 * Optimistic sending: the message is listed at once with status `'sending'`, then replaced by the
 * server's copy (`'received'`), or kept with status `'failed'` and the error, to be resent with
 * the same id. Message state lives in the client's channel state, which matches the server's copy
 * and the `message.new` echo by id.
 */
export const sendingSlice = defineSlice<null, SendingCommands>({
  name: 'sending',
  initial: () => null,
  setup: sendingRuntime,
});
