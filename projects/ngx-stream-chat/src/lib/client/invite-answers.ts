import type { Channel, StreamChat } from 'stream-chat';
import { invalidInputError } from '../stream-chat-errors';
import { fromVendorError } from '../vendor-error';
import type { RunOutsideAngular } from './zone-runners';

/** The two answers to an invitation, named as the `stream-chat` channel methods that send them. */
export type InviteAnswer = 'acceptInvite' | 'rejectInvite';

/**
 * Accepts or rejects the connected user's invitation to `channel` (`channel.acceptInvite()` or
 * `channel.rejectInvite()`).
 * @throws StreamChatError `invalid-input` when the channel is not one of `client`'s (nothing sent),
 * or when the server finds no pending invitation; the server's error otherwise.
 */
export async function answerInvite(
  client: StreamChat,
  channel: Channel,
  answer: InviteAnswer,
  outside: RunOutsideAngular,
): Promise<void> {
  const call = `ChatClientService.${answer}()`;
  const ownClient =
    typeof channel === 'object' &&
    channel !== null &&
    typeof channel.getClient === 'function' &&
    channel.getClient() === client;
  if (!ownClient) {
    throw invalidInputError(
      `${call} needs a channel of the connected user's client, such as one of pendingInvites$ ` +
        '(a channel of an earlier session or another client cannot answer for this user).',
    );
  }
  try {
    await outside(() => channel[answer]());
  } catch (error) {
    throw fromVendorError(error, call);
  }
}
