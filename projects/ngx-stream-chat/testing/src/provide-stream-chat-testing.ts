import { EnvironmentProviders } from '@angular/core';
import { StreamChat } from 'stream-chat';
import { StreamChatClientFactory, StreamChatFeature, provideStreamChat } from 'ngx-stream-chat';

/** Where a local Stream Chat emulator listens, as `startEmulator()` reports it. */
export interface EmulatorEndpoint {
  /** The emulator's base URL, such as `http://127.0.0.1:3100`. */
  url: string;
  /** The emulator's API key. */
  apiKey: string;
}

/** Options for `provideStreamChatTesting`. */
export interface StreamChatTestingOptions {
  /** Milliseconds the client waits for its socket before giving up; 5000 by default. */
  connectTimeoutMs?: number;
  /**
   * Milliseconds a token provider call may take (`StreamChatConfig.tokenProviderTimeoutMs`);
   * the library's default of 10,000 when left out.
   */
  tokenProviderTimeoutMs?: number;
  /** Optional features to add, such as `withThreads()`, as `provideStreamChat()` takes them. */
  features?: StreamChatFeature[];
}

/**
 * A client factory that gives every `init()` a client of its own instead of the process-wide
 * `StreamChat.getInstance()` singleton, so tests do not leak state into each other and two users
 * can be connected in one process.
 */
export function separateClientFactory(connectTimeoutMs = 5000): StreamChatClientFactory {
  return (apiKey, options) => {
    const client = new StreamChat(apiKey, options);
    client.defaultWSTimeout = connectTimeoutMs;
    return client;
  };
}

/**
 * Points ngx-stream-chat at a local emulator for tests: its URL and key, and a separate client per
 * `init()`.
 *
 * @example
 * TestBed.configureTestingModule({
 *   providers: [provideStreamChatTesting({ url: 'http://127.0.0.1:3100', apiKey: 'emulator-key' })],
 * });
 */
export function provideStreamChatTesting(
  emulator: EmulatorEndpoint,
  options: StreamChatTestingOptions = {},
): EnvironmentProviders {
  return provideStreamChat(
    {
      apiKey: emulator.apiKey,
      options: { baseURL: emulator.url },
      clientFactory: separateClientFactory(options.connectTimeoutMs),
      tokenProviderTimeoutMs: options.tokenProviderTimeoutMs,
    },
    ...(options.features ?? []),
  );
}
