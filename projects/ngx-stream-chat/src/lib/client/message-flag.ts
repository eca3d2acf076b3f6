import type { StreamChat } from 'stream-chat';
import { invalidInputError } from '../stream-chat-errors';
import { fromVendorError } from '../vendor-error';
import type { RunOutsideAngular } from './zone-runners';

/**
 * Flags the message with this id for moderation, as the connected user.
 * @throws StreamChatError `invalid-input` for an empty id (nothing sent) or when the server
 * refuses the flag (such as the user's own message); the server's error otherwise, such as kind
 * `unknown` with code 16 for a message that does not exist.
 */
export async function flagMessage(
  client: StreamChat,
  messageId: string,
  outside: RunOutsideAngular,
): Promise<void> {
  if (typeof messageId !== 'string' || !messageId.trim()) {
    throw invalidInputError('flagMessage() needs the id of the message to flag; it was empty.');
  }
  try {
    await outside(() => client.flagMessage(messageId));
  } catch (error) {
    throw fromVendorError(error, 'ChatClientService.flagMessage()');
  }
}
