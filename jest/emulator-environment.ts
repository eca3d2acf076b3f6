import type { EmulatorAdminEndpoint } from 'ngx-stream-chat/testing';

/** The environment variables through which the global setup hands the emulator to the specs. */
export const emulatorEnvironmentKeys = {
  url: 'NGX_STREAM_CHAT_EMULATOR_URL',
  apiKey: 'NGX_STREAM_CHAT_EMULATOR_API_KEY',
  apiSecret: 'NGX_STREAM_CHAT_EMULATOR_API_SECRET',
} as const;

/** The emulator started for this test run. */
export function integrationEmulator(): EmulatorAdminEndpoint {
  const url = process.env[emulatorEnvironmentKeys.url];
  const apiKey = process.env[emulatorEnvironmentKeys.apiKey];
  const apiSecret = process.env[emulatorEnvironmentKeys.apiSecret];
  if (!url || !apiKey || !apiSecret) {
    throw new Error('No emulator: run integration specs through the Jest projects that start one.');
  }
  return { url, apiKey, apiSecret };
}
