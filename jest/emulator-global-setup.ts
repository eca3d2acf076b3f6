import { startEmulator } from '../projects/stream-chat-emulator/src';
import { emulatorEnvironmentKeys } from './emulator-environment';

/** Starts one emulator for the integration specs and tells the test workers where it listens. */
export default async function startIntegrationEmulator(): Promise<void> {
  const holder = globalThis as { __integrationEmulator?: { close(): Promise<void> } };
  if (holder.__integrationEmulator) {
    return;
  }
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', quiet: true });
  holder.__integrationEmulator = emulator;
  process.env[emulatorEnvironmentKeys.url] = emulator.url;
  process.env[emulatorEnvironmentKeys.apiKey] = emulator.apiKey;
  process.env[emulatorEnvironmentKeys.apiSecret] = emulator.apiSecret;
}
