import { NgZone, PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Event as StreamEvent, EventHandler, StreamChat } from 'stream-chat';
import {
  ChatClientService,
  ChatUser,
  ConnectionState,
  StreamChatConfig,
  StreamChatError,
  provideStreamChat,
} from 'ngx-stream-chat';

/**
 * A stand-in for the `stream-chat` client that connects on demand, for the service's own
 * bookkeeping. Real connections are covered by chat-client.service.integration.spec.ts.
 */
class ScriptedClient {
  readonly key = 'key';
  baseURL = 'http://127.0.0.1:1';
  options: Record<string, unknown> = {};
  user: ChatUser | undefined;
  listeners = new Set<EventHandler>();
  pendingConnects: { resolve: () => void; reject: (error: Error) => void; id: string }[] = [];
  disconnects = 0;

  on(handler: EventHandler) {
    this.listeners.add(handler);
    return { unsubscribe: () => this.listeners.delete(handler) };
  }

  connectUser(user: { id: string }) {
    return new Promise((resolve, reject) => {
      this.pendingConnects.push({
        id: user.id,
        resolve: () => {
          this.user = { id: user.id, total_unread_count: 1, unread_count: 1 } as ChatUser;
          resolve({ connection_id: 'c', me: this.user });
        },
        reject,
      });
    });
  }

  async disconnectUser() {
    this.disconnects++;
    this.user = undefined;
  }

  emit(event: Partial<StreamEvent>) {
    this.listeners.forEach((listener) => listener(event as StreamEvent));
  }

  setBaseURL(url: string) {
    this.baseURL = url;
  }
}

const token = (id: string) =>
  `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${btoa(JSON.stringify({ user_id: id }))}.devtoken`;

const flush = () => new Promise((resolve) => setTimeout(resolve));

describe('ChatClientService (scripted client)', () => {
  let client: ScriptedClient;
  let service: ChatClientService;
  let users: (string | undefined)[];
  let states: ConnectionState[];

  function setUp(platform = 'browser', config: Partial<StreamChatConfig> = {}) {
    client = new ScriptedClient();
    TestBed.configureTestingModule({
      providers: [
        provideStreamChat({ clientFactory: () => client as unknown as StreamChat, ...config }),
        { provide: PLATFORM_ID, useValue: platform },
      ],
    });
    service = TestBed.inject(ChatClientService);
    users = [];
    states = [];
    service.user$.subscribe((user) => users.push(user?.id));
    service.connectionState$.subscribe((state) => states.push(state));
  }

  it('emits undefined and disconnected before init, and disconnectUser is safe then', async () => {
    setUp();
    await service.disconnectUser();
    await service.disconnectUser();

    expect(users).toEqual([undefined]);
    expect(states).toEqual(['disconnected']);
    expect(service.user()).toBeUndefined();
    expect(service.chatClient).toBeUndefined();
  });

  it('goes connecting, then online with the user, and back on disconnect', async () => {
    setUp();
    const init = service.init('key', 'alice', token('alice'));
    await flush();

    expect(service.connectionState()).toBe('connecting');
    client.pendingConnects[0].resolve();
    await init;

    expect(service.user()).toMatchObject({ id: 'alice', online: true, total_unread_count: 1 });
    expect(service.connectionState()).toBe('online');

    await service.disconnectUser();

    expect(users).toEqual([undefined, 'alice', undefined]);
    expect(states).toEqual(['disconnected', 'connecting', 'online', 'disconnected']);
    expect(client.listeners.size).toBe(0);
  });

  it('lets the last of overlapping inits win and rejects the earlier ones as superseded', async () => {
    setUp();
    const first = service.init('key', 'alice', token('alice'));
    await flush();
    const second = service.init('key', 'bob', token('bob'));
    const third = service.init('key', 'carol', token('carol'));
    await flush();
    client.pendingConnects[0].resolve();

    await expect(first).rejects.toMatchObject({ kind: 'superseded' });
    await expect(second).rejects.toMatchObject({ kind: 'superseded' });
    await flush();
    expect(client.pendingConnects.map((connect) => connect.id)).toEqual(['alice', 'carol']);
    client.pendingConnects[1].resolve();
    await third;

    expect(users.filter(Boolean)).toEqual(['carol']);
    expect(service.user()?.id).toBe('carol');
  });

  it('rejects invalid input without touching the connected user', async () => {
    setUp();
    const init = service.init('key', 'alice', token('alice'));
    await flush();
    client.pendingConnects[0].resolve();
    await init;

    await expect(service.init('', 'bob', token('bob'))).rejects.toBeInstanceOf(StreamChatError);
    expect(service.user()?.id).toBe('alice');
    expect(client.disconnects).toBe(0);
  });

  it('tracks offline and online from connection.changed', async () => {
    setUp();
    const init = service.init('key', 'alice', token('alice'));
    await flush();
    client.pendingConnects[0].resolve();
    await init;

    client.emit({ type: 'connection.changed', online: false });
    expect(service.connectionState()).toBe('offline');
    expect(service.user()?.online).toBe(false);

    client.emit({ type: 'connection.changed', online: true });
    expect(service.connectionState()).toBe('online');
    expect(service.user()?.online).toBe(true);
  });

  it('enters Angular once per frame for unread counters, and for events$ while someone listens', async () => {
    setUp();
    const init = service.init('key', 'alice', token('alice'));
    await flush();
    client.pendingConnects[0].resolve();
    await init;
    const run = jest.spyOn(TestBed.inject(NgZone), 'run');

    client.emit({ type: 'typing.start' });
    client.emit({ type: 'message.new', total_unread_count: 1 });
    expect(run).not.toHaveBeenCalled();

    client.emit({ type: 'message.new', total_unread_count: 2 });
    client.emit({ type: 'message.new', total_unread_count: 3 });
    expect(run).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(run).toHaveBeenCalledTimes(1);
    expect(service.user()?.total_unread_count).toBe(3);

    const seen: string[] = [];
    const subscription = service.events$.subscribe(({ eventType }) => seen.push(eventType));
    client.emit({ type: 'typing.start' });
    subscription.unsubscribe();
    client.emit({ type: 'typing.stop' });

    expect(seen).toEqual(['typing.start']);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('publishes waiting unread counters with the next change that cannot wait', async () => {
    setUp();
    const init = service.init('key', 'alice', token('alice'));
    await flush();
    client.pendingConnects[0].resolve();
    await init;

    client.emit({ type: 'message.new', total_unread_count: 4, unread_channels: 2 });
    client.emit({ type: 'connection.changed', online: false });

    expect(service.user()).toMatchObject({
      total_unread_count: 4,
      unread_channels: 2,
      online: false,
    });
    const published = service.user();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(service.user()).toBe(published);
  });

  it('applies the configured baseURL to a client created earlier without it', async () => {
    setUp();
    TestBed.inject(ChatClientService);
    const init = service.init('key', 'alice', token('alice'), { baseURL: 'http://127.0.0.1:3100' });
    await flush();
    client.pendingConnects[0].resolve();
    await init;

    expect(client.baseURL).toBe('http://127.0.0.1:3100');
  });

  it('disconnects once when its injector is destroyed, and refuses init() afterwards', async () => {
    setUp();
    const init = service.init('key', 'alice', token('alice'));
    await flush();
    client.pendingConnects[0].resolve();
    await init;

    TestBed.resetTestingModule();
    await flush();

    expect(client.disconnects).toBe(1);
    expect(client.listeners.size).toBe(0);
    expect(users).toEqual([undefined, 'alice', undefined]);
    await service.disconnectUser();
    expect(client.disconnects).toBe(1);
    await expect(service.init('key', 'bob', token('bob'))).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringMatching(/injector of the service was destroyed/) as string,
    });
    expect(client.pendingConnects).toHaveLength(1);
  });

  it('supersedes a pending init() at once when its injector is destroyed', async () => {
    setUp();
    const init = service.init('key', 'alice', token('alice'));
    await flush();

    TestBed.resetTestingModule();
    client.pendingConnects[0].reject(new Error('disconnected during the handshake'));

    await expect(init).rejects.toMatchObject({ kind: 'superseded' });
    // The signals stop with the injector; the observables show the last state.
    expect(states).toEqual(['disconnected', 'connecting', 'disconnected']);
    expect(client.disconnects).toBe(1);
  });

  it('refuses a tokenProviderTimeoutMs that is not a positive number before connecting', async () => {
    setUp('browser', { tokenProviderTimeoutMs: 0 });

    await expect(service.init('key', 'alice', async () => token('alice'))).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringMatching(/tokenProviderTimeoutMs must be a positive number/) as string,
    });
    expect(client.pendingConnects).toHaveLength(0);
  });

  it('opens no connection on the server platform', async () => {
    setUp('server');

    await expect(service.init('key', 'alice', token('alice'))).resolves.toBeUndefined();
    expect(client.pendingConnects).toHaveLength(0);
    expect(service.connectionState()).toBe('disconnected');
  });
});
