import type { LocalMessage } from 'stream-chat';
import { ChatEvent, SliceContext, defineSlice } from '../store/chat-slice';
import { messageNotFoundError, noActiveChannelError } from '../stream-chat-errors';
import { fromVendorError } from '../vendor-error';
import { activeChannelSlice } from './active-channel.slice';

/** The message to scroll to after a jump. */
export interface MessageJumpState {
  /** The message's id and, for a thread reply, its parent's id. */
  readonly target: { id?: string; parentId?: string };
}

/** Jump commands. */
export interface MessageJumpCommands {
  /** Loads a window of messages around `messageId` and makes it the shown list. */
  jump(messageId: string, parentMessageId?: string): Promise<void>;
  /** Forgets the jump target. */
  clear(): void;
}

const NO_TARGET = {};

/** The jump target after a batch: set by a jump, cleared on request or when the channel changes. */
export function reduceMessageJump(
  state: MessageJumpState,
  events: readonly ChatEvent[],
): MessageJumpState {
  let target = state.target;
  for (const event of events) {
    if (event.type === 'ngx.jump.set') {
      target = { id: event['id'] as string, parentId: event['parentId'] as string | undefined };
    } else if (event.type === 'ngx.jump.clear' || event.type === 'ngx.active.set') {
      target = target.id === undefined ? target : NO_TARGET;
    }
  }
  return target === state.target ? state : { target };
}

function jumpRuntime(context: SliceContext<MessageJumpState>) {
  const commands: MessageJumpCommands = {
    async jump(messageId, parentMessageId) {
      const call = 'jumpToMessage()';
      const channel = context.get(activeChannelSlice).channel;
      if (!channel) throw noActiveChannelError(call);
      const limit = context.query.options.message_limit;
      try {
        await context.outside(() =>
          channel.state.loadMessageIntoState(messageId, parentMessageId, limit),
        );
      } catch (error) {
        throw fromVendorError(error, `ChannelService.${call}`);
      }
      if (context.disposed || context.get(activeChannelSlice).channel !== channel) return;
      if (!channel.state.findMessage(messageId, parentMessageId)) {
        throw messageNotFoundError(call, messageId, channel.cid);
      }
      const threads = context.commands<{
        open(message: LocalMessage, from: 'request' | 'state'): Promise<void>;
      }>('threads');
      const parent = parentMessageId ? channel.state.findMessage(parentMessageId) : undefined;
      if (parent && threads) await threads.open(parent, 'state');
      context.dispatch({
        type: 'ngx.jump.set',
        cid: channel.cid,
        id: messageId,
        parentId: parentMessageId,
      });
    },
    clear() {
      context.dispatch({ type: 'ngx.jump.clear' });
    },
  };
  return { commands };
}

/**
 * Jump to message: loads the messages around it (and its thread, for a reply), so the list shows
 * it with paging both ways, and publishes it as the target to scroll to and highlight.
 */
export const messageJumpSlice = defineSlice<MessageJumpState, MessageJumpCommands>({
  name: 'messageJump',
  initial: () => ({ target: NO_TARGET }),
  reduce: reduceMessageJump,
  publish: (state) => ({ jumpToMessage: state.target }),
  setup: jumpRuntime,
});
