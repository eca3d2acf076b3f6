import { isLocalBackend, loadChatBackend, parseChatBackend } from './chat-backend';

describe('chat backend', () => {
  it('reads the emulator backend, without a trailing slash on baseURL', () => {
    expect(
      parseChatBackend({
        apiKey: 'emulator-key',
        baseURL: 'http://127.0.0.1:3100/',
        tokenEndpoint: 'http://127.0.0.1:3101/token',
      }),
    ).toEqual({
      apiKey: 'emulator-key',
      baseURL: 'http://127.0.0.1:3100',
      tokenEndpoint: 'http://127.0.0.1:3101/token',
    });
  });

  it("reads a cloud backend: no baseURL, the client picks Stream's", () => {
    const backend = parseChatBackend({
      apiKey: 'k',
      tokenEndpoint: 'https://api.example.com/token',
    });
    expect(backend).toEqual({ apiKey: 'k', tokenEndpoint: 'https://api.example.com/token' });
    expect(isLocalBackend(backend)).toBe(false);
  });

  it('names the field to fix', () => {
    expect(() => parseChatBackend(null)).toThrow(/expected an object/);
    expect(() => parseChatBackend({ tokenEndpoint: 'http://x/token' })).toThrow(/"apiKey"/);
    expect(() => parseChatBackend({ apiKey: 'k', tokenEndpoint: 'token' })).toThrow(
      /"tokenEndpoint"/,
    );
    expect(() =>
      parseChatBackend({ apiKey: 'k', tokenEndpoint: 'http://x/t', baseURL: 'ftp://x' }),
    ).toThrow(/"baseURL"/);
  });

  it('tells a local emulator from a remote backend', () => {
    const local = { apiKey: 'k', tokenEndpoint: 'http://127.0.0.1:3101/token' };
    expect(isLocalBackend({ ...local, baseURL: 'http://127.0.0.1:3100' })).toBe(true);
    expect(isLocalBackend({ ...local, baseURL: 'http://localhost:3100' })).toBe(true);
    expect(isLocalBackend({ ...local, baseURL: 'https://chat.example.com' })).toBe(false);
  });

  it('loads chat-backend.json, and says so when it cannot', async () => {
    const json = { apiKey: 'k', tokenEndpoint: 'http://127.0.0.1:3101/token' };
    const ok = (async () => ({
      ok: true,
      status: 200,
      json: async () => json,
    })) as unknown as typeof fetch;
    await expect(loadChatBackend(ok)).resolves.toEqual(json);
    const missing = (async () => ({ ok: false, status: 404 })) as unknown as typeof fetch;
    await expect(loadChatBackend(missing)).rejects.toThrow(
      'Could not load chat-backend.json (HTTP 404).',
    );
  });
});
