import * as publicApi from 'stream-chat-emulator';

describe('the package entry point', () => {
  it('exports the programmatic API under the package name', async () => {
    expect(publicApi.DEFAULT_API_KEY).toBe('emulator-key');
    expect(publicApi.DEFAULT_API_SECRET).toBe('emulator-secret');
    expect(publicApi.EMPTY_SEED).toEqual({ users: [], channels: [] });
    const emulator = await publicApi.startEmulator({
      port: 0,
      quiet: true,
      seed: publicApi.EMPTY_SEED,
    });
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulator.faults.connectionCount()).toBe(0);
    } finally {
      await emulator.close();
    }
  });

  it('refuses port 3030', async () => {
    await expect(publicApi.startEmulator({ port: 3030, quiet: true })).rejects.toThrow('8800');
  });
});
