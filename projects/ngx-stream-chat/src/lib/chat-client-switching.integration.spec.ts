import { TestBed } from '@angular/core/testing';
import { StreamChat } from 'stream-chat';
import { ChatClientService, StreamChatError, provideStreamChat } from 'ngx-stream-chat';
import { EmulatorAdmin } from 'ngx-stream-chat/testing';
import { tokenFor, uniqueId } from '../../../../jest/chat-peer';
import { integrationEmulator } from '../../../../jest/emulator-environment';
import { poll } from '../../../stream-chat-emulator/test/poll';

/** How many listeners are registered on the client, across all event types. */
const listenerCount = (client: StreamChat) =>
  Object.values(client.listeners).reduce((sum, listeners) => sum + listeners.length, 0);

describe('ChatClientService switching users on one client', () => {
  const emulator = integrationEmulator();
  const admin = new EmulatorAdmin(emulator);
  let client: StreamChat;
  let service: ChatClientService;

  beforeEach(() => {
    client = new StreamChat(emulator.apiKey, { baseURL: emulator.url });
    client.defaultWSTimeout = 5000;
    TestBed.configureTestingModule({
      providers: [provideStreamChat({ apiKey: emulator.apiKey, clientFactory: () => client })],
    });
    service = TestBed.inject(ChatClientService);
  });

  afterEach(() => service.disconnectUser());

  it('never shows user A after B was initialised while A was still connecting', async () => {
    const a = uniqueId('a');
    const b = uniqueId('b');
    const seen: (string | undefined)[] = [];
    service.user$.subscribe((user) => seen.push(user?.id));

    const initA = service.init(emulator.apiKey, a, tokenFor(a));
    await poll(() => service.connectionState() === 'connecting', {
      description: 'A to be connecting',
      timeoutMs: 2000,
      intervalMs: 0,
    });
    const initB = service.init(emulator.apiKey, b, tokenFor(b));
    const resultA = await initA.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await initB;
    const afterB = seen.length;
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(resultA).toBeInstanceOf(StreamChatError);
    expect((resultA as StreamChatError).kind).toBe('superseded');
    expect(seen).not.toContain(a);
    expect(seen.slice(afterB - 1)).toEqual([b]);
    expect(service.chatClient?.user?.id).toBe(b);
    await poll(async () => (await admin.connectionCount(a)) === 0, {
      description: "A's socket to close",
    });
  });

  it('survives 50 rapid alternating switches with no listener or socket left behind', async () => {
    const ids = [uniqueId('left'), uniqueId('right')];
    await service.init(emulator.apiKey, ids[0], tokenFor(ids[0]));
    const listenersWhenConnected = listenerCount(client);

    const wrongUser: string[] = [];
    for (let i = 1; i <= 50; i++) {
      const id = ids[i % 2];
      await service.init(emulator.apiKey, id, tokenFor(id));
      if (service.user()?.id !== id) wrongUser.push(`${i}:${service.user()?.id}`);
    }

    expect(wrongUser).toEqual([]);
    expect(listenerCount(client)).toBe(listenersWhenConnected);
    await poll(async () => (await admin.connectionCount(ids[1])) === 0, {
      description: 'the switched-away sockets to close',
    });
    expect(await admin.connectionCount(ids[0])).toBe(1);

    await service.disconnectUser();
    expect(listenerCount(client)).toBe(listenersWhenConnected - 1);
    await poll(async () => (await admin.connectionCount(ids[0])) === 0, {
      description: 'the last socket to close',
    });
  });

  it.each([
    ['an empty api key', ['', 'alice', 'token']],
    ['a user without an id', ['emulator-key', { name: 'No Id' }, 'token']],
    ['a guest without an id', ['emulator-key', undefined, 'guest']],
    ['an id Stream rejects', ['emulator-key', 'bad id!', 'guest']],
    ['a token of the wrong type', ['emulator-key', 'alice', 12345]],
    ['a token for another user', ['emulator-key', 'alice', 'BOB']],
  ])('rejects %s with an invalid-input error and stays clean', async (_, args) => {
    const [apiKey, user, token] = args as [string, never, never];
    const resolvedToken = token === ('BOB' as never) ? tokenFor('bob') : token;
    const listenersBefore = listenerCount(client);

    const error = await service.init(apiKey, user, resolvedToken).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StreamChatError);
    expect((error as StreamChatError).kind).toBe('invalid-input');
    expect((error as StreamChatError).message).toMatch(/^ngx-stream-chat: /);
    expect(service.user()).toBeUndefined();
    expect(service.connectionState()).toBe('disconnected');
    expect(listenerCount(client)).toBe(listenersBefore);

    const id = uniqueId('after-bad-input');
    await service.init(emulator.apiKey, id, tokenFor(id));
    expect(service.user()?.id).toBe(id);
  });
});
