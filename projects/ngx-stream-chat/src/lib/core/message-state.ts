import type { Channel, LocalMessage } from 'stream-chat';
import type { SliceContext } from '../store/chat-slice';

/** The channel's copy of a message: in its latest messages, or in its thread for replies. */
export function findMessage(
  channel: Channel,
  id: string,
  parentId?: string | null,
): LocalMessage | undefined {
  const listed = channel.state.latestMessages.find((message) => message.id === id);
  if (listed || !parentId) return listed ?? channel.state.findMessage(id);
  return channel.state.threads[parentId]?.find((message) => message.id === id);
}

/**
 * Puts the message into the client's channel state (replacing its copy with the same id, in the
 * main list or its thread) and dispatches the change, unless the session or channel is gone.
 */
export function putMessage(
  context: SliceContext<unknown>,
  channel: Channel,
  message: LocalMessage,
): void {
  if (context.disposed || channel.disconnected) return;
  channel.state.addMessageSorted(message, true);
  context.dispatch({ type: 'ngx.messages.changed', cid: channel.cid, messageId: message.id });
}
