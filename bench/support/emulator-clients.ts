import { EmulatorEndpoint } from 'ngx-stream-chat/testing';
import { StreamChat } from 'stream-chat';

/** Connect timeout for clients in benchmarks: short, so no 15 s timer outlives a connect. */
export const CONNECT_TIMEOUT_MS = 3000;

/**
 * A raw `stream-chat` client for the emulator, built as `separateClientFactory` builds the
 * library's: its own instance, a short connect timeout, no server-side warning.
 */
export function rawClient(emulator: EmulatorEndpoint): StreamChat {
  const client = new StreamChat(emulator.apiKey, {
    baseURL: emulator.url,
    allowServerSideConnect: true,
  });
  client.defaultWSTimeout = CONNECT_TIMEOUT_MS;
  return client;
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
