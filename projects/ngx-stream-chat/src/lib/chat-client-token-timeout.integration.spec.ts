import { TestBed } from '@angular/core/testing';
import { ChatClientService, ChatUser, ConnectionState, StreamChatError } from 'ngx-stream-chat';
import { EmulatorAdmin, provideStreamChatTesting } from 'ngx-stream-chat/testing';
import { tokenFor, uniqueId } from '../../../../jest/chat-peer';
import { integrationEmulator } from '../../../../jest/emulator-environment';

/** A token provider that never answers, as a backend call without a timeout can. */
const neverSettles = (): Promise<string> => new Promise(() => undefined);

describe('ChatClientService with a token provider that never answers', () => {
  const emulator = integrationEmulator();
  const admin = new EmulatorAdmin(emulator);
  const timeoutMs = 300;
  let service: ChatClientService;
  let users: (ChatUser | undefined)[];
  let states: ConnectionState[];

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideStreamChatTesting(emulator, { tokenProviderTimeoutMs: timeoutMs })],
    });
    service = TestBed.inject(ChatClientService);
    users = [];
    states = [];
    service.user$.subscribe((user) => users.push(user));
    service.connectionState$.subscribe((state) => states.push(state));
  });

  afterEach(async () => {
    await service.disconnectUser();
  });

  it('rejects init() with token-provider-failed after the configured time, then connects', async () => {
    const id = uniqueId('hanging');
    const started = Date.now();

    const error = await service.init(emulator.apiKey, id, neverSettles).catch((e: unknown) => e);

    expect(Date.now() - started).toBeGreaterThanOrEqual(timeoutMs - 20);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(StreamChatError);
    expect(error).toMatchObject({ kind: 'token-provider-failed' });
    expect((error as Error).message).toMatch(
      new RegExp(`did not answer within ${timeoutMs} ms.*tokenProviderTimeoutMs`),
    );
    expect(service.user()).toBeUndefined();
    expect(service.connectionState()).toBe('disconnected');
    expect(await admin.connectionCount(id)).toBe(0);

    await service.init(emulator.apiKey, id, async () => tokenFor(id));

    expect(service.user()).toMatchObject({ id, online: true });
    expect(await admin.connectionCount(id)).toBe(1);
    expect(users.map((user) => user?.id)).toEqual([undefined, id]);
    const changes = states.filter((state, index) => state !== states[index - 1]);
    expect(changes).toEqual(['disconnected', 'connecting', 'disconnected', 'connecting', 'online']);
  });

  it('frees the calls queued behind it: disconnectUser() and the next init() go ahead', async () => {
    const first = uniqueId('stuck');
    const second = uniqueId('next');

    const stuck = service.init(emulator.apiKey, first, neverSettles).catch((e: unknown) => e);
    const disconnected = service.disconnectUser();
    const next = service.init(emulator.apiKey, second, tokenFor(second));

    await disconnected;
    await next;

    expect(await stuck).toMatchObject({ kind: 'superseded' });
    expect(service.user()?.id).toBe(second);
    expect(users.map((user) => user?.id)).toEqual([undefined, second]);
    expect(await admin.connectionCount(first)).toBe(0);
  });

  it('also limits the provider calls made to refresh an expired token', async () => {
    const id = uniqueId('refresh');
    let calls = 0;
    await service.init(emulator.apiKey, id, () =>
      ++calls === 1 ? Promise.resolve(tokenFor(id)) : neverSettles(),
    );

    await admin.expireTokens(id);
    const error = await service
      .chatClient!.queryUsers({ id: { $in: [id] } })
      .catch((e: unknown) => e);

    expect(calls).toBeGreaterThanOrEqual(2);
    expect(String((error as Error)?.message)).toMatch(/did not answer within 300 ms/);
  });
});
