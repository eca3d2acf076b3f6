import type { Channel, LocalMessage, MessageResponse } from 'stream-chat';
import { ChatMessage, toChatMessage } from '../chat-message';
import { ChatEvent, SliceContext, defineSlice } from '../store/chat-slice';
import { unknownMessageError } from '../stream-chat-errors';
import { fromVendorError } from '../vendor-error';
import { activeChannelSlice } from './active-channel.slice';
import { requireCapability } from './capabilities';
import { findMessage, putMessage } from './message-state';

/** The message the composer quotes. */
export interface MessageActionsState {
  /** The quoted message, if any. */
  readonly quote: ChatMessage | undefined;
}

/** Edit, delete, pin and quote. */
export interface MessageActionsCommands {
  /** Edits a message: shown at once as `'updating'`, rolled back if the server refuses. */
  update(message: ChatMessage, call?: string): Promise<ChatMessage>;
  /** Deletes a message on the server (`'deleting'` meanwhile), or only here when `local`. */
  remove(message: ChatMessage, local: boolean): Promise<void>;
  /** Pins or unpins a message, at once, rolled back if the server refuses. */
  setPinned(message: ChatMessage, pinned: boolean): Promise<void>;
  /** Sets or clears the quoted message. */
  quote(message: ChatMessage | MessageResponse | undefined): void;
  /**
   * Runs an action of an ephemeral message (such as a Giphy preview's send, shuffle or cancel):
   * the server's answer replaces the message, and no answer removes it.
   */
  sendAction(messageId: string, formData: Record<string, string>, parentId?: string): Promise<void>;
}

/** The quote after a batch: set by its command, cleared when another channel becomes active. */
export function reduceMessageActions(
  state: MessageActionsState,
  events: readonly ChatEvent[],
): MessageActionsState {
  let quote = state.quote;
  for (const event of events) {
    if (event.type === 'ngx.quote.set') quote = event['message'] as ChatMessage | undefined;
    else if (event.type === 'ngx.active.set' && event.cid !== quote?.cid) quote = undefined;
  }
  return quote === state.quote ? state : { quote };
}

function actionsRuntime(context: SliceContext<MessageActionsState>) {
  /** The active channel and its copy of `message`. */
  function locate(message: ChatMessage, call: string): { channel: Channel; current: LocalMessage } {
    const channel = context.get(activeChannelSlice).channel;
    const current = channel && findMessage(channel, message.id, message.parent_id);
    if (!channel || !current || channel.cid !== (message.cid ?? channel.cid)) {
      throw unknownMessageError(call, message.id);
    }
    return { channel, current };
  }

  function own(message: LocalMessage): boolean {
    return message.user?.id === context.userId;
  }

  /** Runs `request` after showing `optimistic`; puts `current` back if the server refuses. */
  async function optimistically<T>(
    channel: Channel,
    current: LocalMessage,
    optimistic: LocalMessage,
    request: () => Promise<T>,
    call: string,
  ): Promise<T> {
    putMessage(context, channel, optimistic);
    try {
      return await context.outside(request);
    } catch (error) {
      putMessage(context, channel, current);
      throw fromVendorError(error, `ChannelService.${call}`);
    }
  }

  const commands: MessageActionsCommands = {
    async update(message, call = 'updateMessage()') {
      const { channel, current } = locate(message, call);
      requireCapability(channel, own(current) ? 'update-own-message' : 'update-any-message', call);
      const optimistic = { ...current, ...message, status: 'updating' } as LocalMessage;
      const response = await optimistically(
        channel,
        current,
        optimistic,
        () => context.client.updateMessage(updatePayload(message)),
        call,
      );
      const stored = { ...channel.state.formatMessage(response.message), status: 'received' };
      putMessage(context, channel, stored as LocalMessage);
      return toChatMessage(findMessage(channel, message.id, message.parent_id) ?? stored);
    },
    async remove(message, local) {
      const call = 'deleteMessage()';
      const { channel, current } = locate(message, call);
      if (local) {
        channel.state.removeMessage({ id: current.id, parent_id: current.parent_id ?? undefined });
        context.dispatch({ type: 'ngx.messages.changed', cid: channel.cid });
        return;
      }
      requireCapability(channel, own(current) ? 'delete-own-message' : 'delete-any-message', call);
      const optimistic = { ...current, status: 'deleting' } as LocalMessage;
      const response = await optimistically(
        channel,
        current,
        optimistic,
        () => context.client.deleteMessage(current.id),
        call,
      );
      const stored = { ...channel.state.formatMessage(response.message), status: 'received' };
      putMessage(context, channel, stored as LocalMessage);
    },
    async setPinned(message, pinned) {
      const call = pinned ? 'pinMessage()' : 'unpinMessage()';
      const { channel, current } = locate(message, call);
      requireCapability(channel, 'pin-message', call);
      const optimistic = {
        ...current,
        status: 'updating',
        pinned,
        pinned_at: pinned ? new Date() : null,
        pinned_by: pinned ? (context.client.user ?? null) : null,
      } as LocalMessage;
      const asResponse = (m: LocalMessage) => m as unknown as MessageResponse;
      if (pinned) channel.state.addPinnedMessage(asResponse(optimistic));
      else channel.state.removePinnedMessage(asResponse(current));
      let response;
      try {
        response = await optimistically(
          channel,
          current,
          optimistic,
          () =>
            pinned
              ? context.client.pinMessage(current.id)
              : context.client.unpinMessage(current.id),
          call,
        );
      } catch (error) {
        if (pinned) channel.state.removePinnedMessage(asResponse(current));
        else if (current.pinned) channel.state.addPinnedMessage(asResponse(current));
        context.dispatch({ type: 'ngx.messages.changed', cid: channel.cid });
        throw error;
      }
      const stored = { ...channel.state.formatMessage(response.message), status: 'received' };
      if (pinned) {
        // The pinned list is matched by `pinned_at`: the optimistic pin (a local time) would stay
        // beside the server's, so every copy by this id goes first.
        channel.state.removePinnedMessage(response.message);
        channel.state.addPinnedMessage(response.message);
      }
      putMessage(context, channel, stored as LocalMessage);
    },
    async sendAction(messageId, formData, parentId) {
      const call = 'sendAction()';
      const channel = context.get(activeChannelSlice).channel;
      const current = channel && findMessage(channel, messageId, parentId);
      if (!channel || !current) throw unknownMessageError(call, messageId);
      let response;
      try {
        response = await context.outside(() => channel.sendAction(messageId, formData));
      } catch (error) {
        throw fromVendorError(error, `ChannelService.${call}`);
      }
      if (response.message) {
        const stored = { ...channel.state.formatMessage(response.message), status: 'received' };
        putMessage(context, channel, stored as LocalMessage);
      } else {
        channel.state.removeMessage({ id: messageId, parent_id: parentId });
        context.dispatch({ type: 'ngx.messages.changed', cid: channel.cid });
      }
    },
    quote(message) {
      context.dispatch({
        type: 'ngx.quote.set',
        cid: message?.cid,
        message: message && toChatMessage(message as unknown as LocalMessage),
      });
    },
  };
  return { commands };
}

/** What `updateMessage()` sends: the editable fields of the message. */
function updatePayload(message: ChatMessage): Partial<MessageResponse> {
  const {
    id,
    text,
    attachments,
    mentioned_users,
    quoted_message_id,
    show_in_channel,
    silent,
    ...rest
  } = message;
  const custom = Object.fromEntries(
    Object.entries(rest).filter(([key]) => !SERVER_FIELDS.has(key)),
  );
  return {
    ...custom,
    id,
    text,
    attachments,
    mentioned_users,
    // The client sends `pinned: !!pinned_at` (and not `pinned_at` itself): without it, every
    // edit would unpin the message.
    pinned_at: message.pinned_at ?? null,
    ...(quoted_message_id ? { quoted_message_id } : {}),
    ...(show_in_channel !== undefined ? { show_in_channel } : {}),
    ...(silent !== undefined ? { silent } : {}),
  } as Partial<MessageResponse>;
}

/** Fields the server sets, which an edit does not send back. */
const SERVER_FIELDS = new Set([
  'cid',
  'type',
  'user',
  'user_id',
  'html',
  'status',
  'errorMessage',
  'sendError',
  'created_at',
  'updated_at',
  'deleted_at',
  'pinned_at',
  'pinned_by',
  'pinned',
  'pin_expires',
  'message_text_updated_at',
  'latest_reactions',
  'own_reactions',
  'reaction_counts',
  'reaction_scores',
  'reaction_groups',
  'reply_count',
  'deleted_reply_count',
  'thread_participants',
  'quoted_message',
  'parent_id',
  'i18n',
  'error',
  'shadowed',
  'channel',
  'command',
  'args',
  'mml',
  'member',
  'before_message_send_failed',
  'restricted_visibility',
  'readBy',
  'poll',
  'poll_id',
  'reminder',
  'shared_location',
]);

/** Edit, delete and pin messages of the active channel, and the message the composer quotes. */
export const messageActionsSlice = defineSlice<MessageActionsState, MessageActionsCommands>({
  name: 'messageActions',
  initial: () => ({ quote: undefined }),
  reduce: reduceMessageActions,
  publish: (state) => ({ messageToQuote: state.quote }),
  setup: actionsRuntime,
});
