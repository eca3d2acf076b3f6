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
 * How long the specs' clients wait for an HTTP answer: the machines running the specs are shared,
 * and a loaded one can take longer than the client's default of 3 s.
 */
export const SPEC_REQUEST_TIMEOUT_MS = 10_000;

/**
 * Another user, on a raw `stream-chat` client of its own: the other side of a conversation.
 * Call `disconnectUser(0)` when done.
 */
export async function connectPeer(userId: string, name = userId): Promise<StreamChat> {
  const { url, apiKey } = integrationEmulator();
  const client = new StreamChat(apiKey, { baseURL: url, timeout: SPEC_REQUEST_TIMEOUT_MS });
  client.defaultWSTimeout = 5000;
  await client.connectUser({ id: userId, name }, tokenFor(userId));
  return client;
}
