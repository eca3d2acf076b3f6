import type { StreamChat, UserResponse } from 'stream-chat';
import { invalidInputError } from '../stream-chat-errors';
import { fromVendorError } from '../vendor-error';
import type { RunOutsideAngular } from './zone-runners';

/**
 * The users whose id or name starts with `searchTerm` (or has a word that does), as the server's
 * `$autocomplete` matches them, without the connected user; `[]` for an empty term, without asking
 * the server.
 * @throws StreamChatError `invalid-input` when `searchTerm` is not a string; the server's error.
 */
export async function autocompleteUsers(
  client: StreamChat,
  searchTerm: string,
  outside: RunOutsideAngular,
): Promise<UserResponse[]> {
  if (typeof searchTerm !== 'string') {
    throw invalidInputError('autocompleteUsers() needs the search term as a string.');
  }
  if (!searchTerm) {
    return [];
  }
  const ownId = client.userID;
  try {
    const { users } = await outside(() =>
      client.queryUsers({
        $or: [{ id: { $autocomplete: searchTerm } }, { name: { $autocomplete: searchTerm } }],
      }),
    );
    return users.filter((user) => user.id !== ownId);
  } catch (error) {
    throw fromVendorError(error, 'ChatClientService.autocompleteUsers()');
  }
}
