/** Stops the emulator started by emulator-global-setup.ts. */
export default async function stopIntegrationEmulator(): Promise<void> {
  const holder = globalThis as { __integrationEmulator?: { close(): Promise<void> } };
  await holder.__integrationEmulator?.close();
  holder.__integrationEmulator = undefined;
}
