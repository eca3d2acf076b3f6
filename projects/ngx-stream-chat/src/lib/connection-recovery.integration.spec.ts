import { ErrorHandler } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  ChatClientService,
  ConnectionRecoveryConfig,
  ConnectionState,
  StreamChatError,
  provideStreamChat,
} from 'ngx-stream-chat';
import { EmulatorAdmin, separateClientFactory } from 'ngx-stream-chat/testing';
import { Event as StreamEvent, StreamChat } from 'stream-chat';
import { poll } from '../../../stream-chat-emulator/test/poll';
import { connectPeer, tokenFor, uniqueId } from '../../../../jest/chat-peer';
import { integrationEmulator } from '../../../../jest/emulator-environment';
import { OutageProxy } from '../../../../jest/outage-proxy';
import { serverAnswers } from './server-probe';
import { readTokenPayload } from './token-payload';

/** A development token, as `client.devToken(id)` makes it (the emulator accepts them). */
function devToken(userId: string): string {
  const payload = btoa(JSON.stringify({ user_id: userId })).replace(/=+$/, '');
  return `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${payload}.devtoken`;
}

/** Keeps what the services report, to count the errors of an outage. */
class RecordingErrorHandler implements ErrorHandler {
  readonly errors: unknown[] = [];
  handleError(error: unknown): void {
    this.errors.push(error);
  }
}

/** A token endpoint that can be taken down: the provider then rejects, as a failed fetch does. */
class TokenSource {
  down = false;
  calls = 0;
  constructor(private readonly lifetimeSeconds: number) {}
  provider = (userId: string) => async () => {
    this.calls++;
    if (this.down) {
      throw new Error('token endpoint unreachable');
    }
    return tokenFor(userId, this.lifetimeSeconds);
  };
}

describe('ChatClientService after an outage (real client, emulator behind a proxy)', () => {
  const emulator = integrationEmulator();
  const admin = new EmulatorAdmin(emulator);
  let proxy: OutageProxy;
  let service: ChatClientService;
  let errors: RecordingErrorHandler;
  let states: ConnectionState[];
  let events: StreamEvent[];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeAll(() => process.on('unhandledRejection', onRejection));
  afterAll(() => process.off('unhandledRejection', onRejection));
  // jsdom logs every request that finds the server down; those are the outages made here.
  let quietConsole: jest.SpyInstance;
  beforeEach(() => {
    const log = console.error.bind(console);
    quietConsole = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('ECONNREFUSED')) log(...args);
    });
  });
  afterEach(() => quietConsole.mockRestore());

  async function setUp(recovery: ConnectionRecoveryConfig = {}): Promise<void> {
    proxy = await OutageProxy.start(emulator.url);
    TestBed.configureTestingModule({
      providers: [
        provideStreamChat({
          apiKey: emulator.apiKey,
          options: { baseURL: proxy.url },
          clientFactory: separateClientFactory(2000),
          connectionRecovery: { maxRetryDelayMs: 500, ...recovery },
        }),
        { provide: ErrorHandler, useClass: RecordingErrorHandler },
      ],
    });
    service = TestBed.inject(ChatClientService);
    errors = TestBed.inject(ErrorHandler) as RecordingErrorHandler;
    states = [];
    events = [];
    rejections.length = 0;
    service.connectionState$.subscribe((state) => states.push(state));
    service.events$.subscribe(({ event }) => events.push(event));
  }

  afterEach(async () => {
    await service.disconnectUser();
    await proxy.up();
    await proxy.down();
  });

  /** Takes the server down until the client has noticed (its socket is unhealthy). */
  async function serverDown(): Promise<void> {
    await proxy.down();
    await poll(() => service.chatClient?.wsConnection?.isHealthy === false, {
      description: 'the client noticing the outage',
    });
  }

  /** Waits for the session to be online again, with its state recovered after `since`. */
  async function recovered(since: number): Promise<void> {
    await poll(
      () =>
        service.connectionState() === 'online' &&
        events.slice(since).some((event) => event.type === 'connection.recovered'),
      {
        description: () =>
          `recovery (state ${service.connectionState()}, ${errors.errors.length} errors)`,
        timeoutMs: 15_000,
      },
    );
  }

  async function sharedChannel(userId: string, peer: StreamChat) {
    const channel = peer.channel('messaging', uniqueId('outage'), {
      members: [userId, peer.userID!],
    });
    await channel.create();
    await service.chatClient!.channel('messaging', channel.id!).watch();
    return channel;
  }

  it('probes the server with one request that needs no token', async () => {
    await setUp();
    const client = new StreamChat(emulator.apiKey, { baseURL: proxy.url });

    expect(await serverAnswers(client)).toBe(true);
    await proxy.down();
    expect(await serverAnswers(client)).toBe(false);
  });

  it('brings a provider session back with a fresh token after the server and token endpoint were down together, with the messages sent meanwhile', async () => {
    await setUp();
    const id = uniqueId('provider');
    const tokens = new TokenSource(1);
    await service.init(emulator.apiKey, id, tokens.provider(id));
    const peer = await connectPeer(uniqueId('peer'));
    const channel = await sharedChannel(id, peer);

    await serverDown();
    tokens.down = true;
    await poll(() => service.connectionState() === 'offline', {
      description: 'the offline state',
    });
    const sent = await channel.sendMessage({ text: 'sent while you were away' });
    const callsBefore = tokens.calls;
    const mark = events.length;
    tokens.down = false;
    await proxy.up();
    await recovered(mark);

    expect(tokens.calls).toBeGreaterThan(callsBefore);
    const state = service.chatClient!.activeChannels[channel.cid].state;
    expect(state.messages.map((message) => message.id)).toContain(sent.message.id);
    expect(await admin.connectionCount(id)).toBe(1);
    expect(errors.errors).toEqual([]);
    expect(rejections).toEqual([]);
    await peer.disconnectUser(0);
  });

  it('keeps asking a failing token provider once the server is back, and reports the outage once', async () => {
    await setUp({ reportOutageAfterMs: 1_000 });
    const id = uniqueId('provider-late');
    const tokens = new TokenSource(1);
    await service.init(emulator.apiKey, id, tokens.provider(id));

    await serverDown();
    tokens.down = true;
    await proxy.up();
    // The token has expired: without the provider, nothing can reconnect.
    await poll(() => errors.errors.length > 0 && tokens.calls >= 4, {
      description: () => `failed provider calls (${tokens.calls}) and a report`,
      timeoutMs: 15_000,
    });
    expect(service.chatClient!.wsConnection!.isHealthy).toBe(false);
    expect(await admin.connectionCount(id)).toBe(0);
    const mark = events.length;
    tokens.down = false;
    await recovered(mark);

    expect(errors.errors).toHaveLength(1);
    const [reported] = errors.errors as StreamChatError[];
    expect(reported).toBeInstanceOf(StreamChatError);
    expect(reported.kind).toBe('token-provider-failed');
    expect(reported.message).toMatch(
      /\d+ reconnect attempt\(s\) failed \(\d+ of them because the token provider failed/,
    );
    expect(await admin.connectionCount(id)).toBe(1);
    expect(rejections).toEqual([]);
  });

  it.each([
    ['a static token', (id: string) => [id, tokenFor(id)] as const],
    ['a development token', (id: string) => [id, devToken(id)] as const],
    ['a guest', (id: string) => [{ id, name: 'Guest' }, 'guest'] as const],
    ['an anonymous user', () => [undefined, 'anonymous'] as const],
  ])('brings %s back', async (_kind, connectArguments) => {
    await setUp();
    const [user, token] = connectArguments(uniqueId('kind'));
    await service.init(emulator.apiKey, user, token);
    const userId = service.chatClient!.userID!;

    await serverDown();
    const mark = events.length;
    await proxy.up();
    await recovered(mark);

    expect(service.chatClient!.wsConnection!.isHealthy).toBe(true);
    if (!service.chatClient!.anonymous) {
      expect(await admin.connectionCount(userId)).toBe(1);
    }
    expect(errors.errors).toEqual([]);
    expect(rejections).toEqual([]);
  });

  it('reports once and stops when the server refuses the session back (a static token that expired)', async () => {
    await setUp();
    const id = uniqueId('expiring');
    const token = tokenFor(id, 1);
    await service.init(emulator.apiKey, id, token);

    await serverDown();
    const expiresAt = Number(readTokenPayload(token)?.['exp']) * 1000;
    await poll(() => Date.now() > expiresAt + 100, { description: 'the token expiring' });
    await proxy.up();
    await poll(() => errors.errors.length > 0, { description: 'the report' });

    const [reported] = errors.errors as StreamChatError[];
    expect(reported.kind).toBe('token-expired');
    expect(reported.message).toMatch(/refused to take the session back.*init\(\) again/);
    expect(errors.errors).toHaveLength(1);
    expect(service.chatClient!.wsConnection!.isHealthy).toBe(false);
    expect(await admin.connectionCount(id)).toBe(0);
  });

  it('stops when the user disconnects during the outage: no socket afterwards', async () => {
    await setUp();
    const id = uniqueId('leaving');
    await service.init(emulator.apiKey, id, tokenFor(id));

    await serverDown();
    await service.disconnectUser();
    await proxy.up();
    const other = uniqueId('next');
    await service.init(emulator.apiKey, other, tokenFor(other));

    expect(await admin.connectionCount(id)).toBe(0);
    expect(await admin.connectionCount(other)).toBe(1);
    expect(errors.errors).toEqual([]);
  });
});
