import { StreamChat } from 'stream-chat';
import { signUserToken } from 'ngx-stream-chat/testing';
import { integrationEmulator } from './emulator-environment';

/** Unique ids per run, so specs sharing one emulator never see each other's users or channels. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A token for `userId`, signed with the emulator's secret. */
export function tokenFor(userId: string, expiresInSeconds?: number): string {
  return signUserToken(integrationEmulator().apiSecret, userId, { expiresInSeconds });
}

/**
 * Another user, on a raw `stream-chat` client of its own: the other side of a conversation.
 * Call `disconnectUser(0)` when done.
 */
export async function connectPeer(userId: string, name = userId): Promise<StreamChat> {
  const { url, apiKey } = integrationEmulator();
  // Requests may queue behind other test files on a busy machine: allow more than axios' 3 s.
  const client = new StreamChat(apiKey, { baseURL: url, timeout: 15_000 });
  client.defaultWSTimeout = 5000;
  await client.connectUser({ id: userId, name }, tokenFor(userId));
  return client;
}
