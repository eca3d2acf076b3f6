import type { Channel, LocalMessage, ReactionResponse } from 'stream-chat';
import { activeChannelSlice } from '../../core/active-channel.slice';
import { requireCapability } from '../../core/capabilities';
import { putMessage } from '../../core/message-state';
import { SliceContext, defineSlice } from '../../store/chat-slice';
import { noActiveChannelError, unknownMessageError } from '../../stream-chat-errors';
import { fromVendorError } from '../../vendor-error';
import { withOwnReaction, withoutOwnReaction } from './optimistic-reactions';

/** Reaction commands. */
export interface ReactionCommands {
  /** Adds the user's reaction, optimistically. */
  add(messageId: string, type: string, customData?: Record<string, unknown>): Promise<void>;
  /** Removes the user's reaction, optimistically. */
  remove(messageId: string, type: string): Promise<void>;
  /** Every reaction to the message, newest first. */
  list(messageId: string): Promise<ReactionResponse[]>;
}

/** Reactions per request of `getMessageReactions()`. */
const REACTIONS_PAGE_SIZE = 300;
/** Most reactions `getMessageReactions()` loads, as the vendor's service does. */
export const MAX_MESSAGE_REACTIONS = 1200;

/** A reply in one of the channel's loaded threads (replies not shown in the channel are only there). */
function findReply(channel: Channel, messageId: string): LocalMessage | undefined {
  for (const replies of Object.values(channel.state.threads)) {
    const reply = replies.find((message) => message.id === messageId);
    if (reply) return reply;
  }
  return undefined;
}

function reactionsRuntime(context: SliceContext<null>) {
  function locate(messageId: string, call: string): { channel: Channel; message: LocalMessage } {
    const channel = context.get(activeChannelSlice).channel;
    if (!channel) throw noActiveChannelError(call);
    const message = channel.state.findMessage(messageId) ?? findReply(channel, messageId);
    if (!message) throw unknownMessageError(call, messageId);
    return { channel, message };
  }

  /** Shows `optimistic`, runs `request`, and puts `message` back if the server refuses. */
  async function optimistically(
    channel: Channel,
    message: LocalMessage,
    optimistic: LocalMessage | undefined,
    request: () => Promise<unknown>,
    call: string,
  ): Promise<void> {
    if (optimistic) putMessage(context, channel, optimistic);
    try {
      await context.outside(request);
    } catch (error) {
      // The server stored nothing: the message goes back to how it was.
      if (optimistic) putMessage(context, channel, message);
      throw fromVendorError(error, `ChannelService.${call}`);
    }
  }

  const commands: ReactionCommands = {
    async add(messageId, type, customData) {
      const call = 'addReaction()';
      const { channel, message } = locate(messageId, call);
      requireCapability(channel, 'send-reaction', call);
      const already = message.own_reactions?.some((reaction) => reaction.type === type);
      const now = new Date().toISOString();
      const reaction = {
        ...customData,
        type,
        message_id: messageId,
        user_id: context.userId,
        user: context.client.user,
        score: 1,
        created_at: now,
        updated_at: now,
      } as ReactionResponse;
      await optimistically(
        channel,
        message,
        already ? undefined : withOwnReaction(message, reaction),
        () => channel.sendReaction(messageId, { ...customData, type }),
        call,
      );
    },
    async remove(messageId, type) {
      const call = 'removeReaction()';
      const { channel, message } = locate(messageId, call);
      const owned = message.own_reactions?.some((reaction) => reaction.type === type);
      await optimistically(
        channel,
        message,
        owned ? withoutOwnReaction(message, type, context.userId) : undefined,
        () => channel.deleteReaction(messageId, type),
        call,
      );
    },
    async list(messageId) {
      const call = 'getMessageReactions()';
      const { channel } = locate(messageId, call);
      const all: ReactionResponse[] = [];
      try {
        while (all.length < MAX_MESSAGE_REACTIONS) {
          const { reactions } = await context.outside(() =>
            channel.getReactions(messageId, { limit: REACTIONS_PAGE_SIZE, offset: all.length }),
          );
          all.push(...reactions);
          if (reactions.length < REACTIONS_PAGE_SIZE) break;
        }
      } catch (error) {
        throw fromVendorError(error, `ChannelService.${call}`);
      }
      return all.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
    },
  };
  return { commands };
}

/**
 * Reactions: add and remove the user's reactions optimistically (counts and `own_reactions`
 * change at once and roll back if the server refuses), and list who reacted. Others' reactions
 * arrive as `reaction.*` events, which the client applies to the message. Added by
 * `withReactions()`.
 */
export const reactionsSlice = defineSlice<null, ReactionCommands>({
  name: 'reactions',
  initial: () => null,
  setup: reactionsRuntime,
});
