import { TestBed } from '@angular/core/testing';
import { createHmac } from 'crypto';
import { StreamChat, UserFromToken } from 'stream-chat';
import { ChatClientService, ChatUser, StreamChatError } from 'ngx-stream-chat';
import { EmulatorAdmin, provideStreamChatTesting } from 'ngx-stream-chat/testing';
import { connectPeer, tokenFor, uniqueId } from '../../../../jest/chat-peer';
import { integrationEmulator } from '../../../../jest/emulator-environment';
import { poll } from '../../../stream-chat-emulator/test/poll';

describe('ChatClientService against the emulator', () => {
  const emulator = integrationEmulator();
  const admin = new EmulatorAdmin(emulator);
  let service: ChatClientService;
  let emitted: (ChatUser | undefined)[];
  const peers: StreamChat[] = [];

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideStreamChatTesting(emulator)] });
    service = TestBed.inject(ChatClientService);
    emitted = [];
    service.user$.subscribe((user) => emitted.push(user));
  });

  afterEach(async () => {
    await service.disconnectUser();
    await Promise.all(peers.splice(0).map((peer) => peer.disconnectUser(0)));
  });

  it('emits undefined before anyone connects', () => {
    expect(emitted).toEqual([undefined]);
    expect(service.connectionState()).toBe('disconnected');
  });

  it('connects a user id with a static token', async () => {
    const id = uniqueId('static');
    const result = await service.init(emulator.apiKey, id, tokenFor(id));

    expect(result?.connection_id).toBeTruthy();
    expect(service.user()).toMatchObject({ id, role: 'user', online: true, total_unread_count: 0 });
    expect(service.chatClient?.user?.id).toBe(id);
    expect(service.connectionState()).toBe('online');
    expect(await admin.connectionCount(id)).toBe(1);
  });

  it('connects a user object with name, image and custom fields', async () => {
    const id = uniqueId('sara');
    const user = { id, name: 'Sara', image: 'url/to/image', favourite_color: 'teal' };
    await service.init(emulator.apiKey, user, tokenFor(id));

    expect(service.user()).toMatchObject(user);
  });

  it('keeps a session alive through several refreshes of 2-second tokens', async () => {
    const id = uniqueId('provider');
    let calls = 0;
    const tokenProvider = async () => {
      calls++;
      return tokenFor(id, 2);
    };
    await service.init(emulator.apiKey, id, tokenProvider);
    expect(calls).toBe(1);

    const deadline = Date.now() + 7_500;
    let requests = 0;
    while (Date.now() < deadline) {
      await service.chatClient!.queryUsers({ id: { $in: [id] } });
      requests++;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    expect(requests).toBeGreaterThan(10);
    expect(calls).toBeGreaterThanOrEqual(4);
    expect(service.connectionState()).toBe('online');
    expect(service.user()?.id).toBe(id);
  }, 20_000);

  it('connects a guest by id, with the guest role', async () => {
    const id = uniqueId('john');
    await service.init(emulator.apiKey, id, 'guest');

    expect(service.user()).toMatchObject({ id, role: 'guest', online: true });
  });

  it('connects an anonymous user', async () => {
    await service.init(emulator.apiKey, undefined, 'anonymous');

    expect(service.user()).toMatchObject({ id: '!anon', role: 'anonymous' });
    expect(service.connectionState()).toBe('online');
  });

  it('disconnects, then connects a different user', async () => {
    const first = uniqueId('first');
    const second = uniqueId('second');
    await service.init(emulator.apiKey, first, tokenFor(first));
    await service.disconnectUser();

    expect(service.user()).toBeUndefined();
    expect(service.chatClient?.user).toBeUndefined();
    expect(service.connectionState()).toBe('disconnected');
    await poll(async () => (await admin.connectionCount(first)) === 0, {
      description: 'the socket to close',
    });

    await service.init(emulator.apiKey, second, tokenFor(second));

    expect(emitted.map((user) => user?.id)).toEqual([undefined, first, undefined, second]);
  });

  it('keeps the unread count live as another user writes', async () => {
    const bob = uniqueId('bob');
    const alice = uniqueId('alice');
    await service.init(emulator.apiKey, bob, tokenFor(bob));
    const aliceClient = await connectPeer(alice);
    peers.push(aliceClient);
    const channel = aliceClient.channel('messaging', uniqueId('chat'), { members: [alice, bob] });
    await channel.watch();

    await channel.sendMessage({ text: 'hello bob' });
    await poll(() => service.user()?.total_unread_count === 1, {
      description: 'bob to have 1 unread',
    });
    await channel.sendMessage({ text: 'are you there?' });
    await poll(() => service.user()?.total_unread_count === 2, {
      description: 'bob to have 2 unread',
    });

    expect(service.user()).toMatchObject({ unread_count: 2, unread_channels: 1 });
  });

  it('shows offline while the socket is down and online again after it reconnects', async () => {
    const id = uniqueId('flaky');
    await service.init(emulator.apiKey, id, tokenFor(id));
    const states: string[] = [];
    service.connectionState$.subscribe((state) => states.push(state));

    await admin.refuseConnections(6_000, id);
    await admin.dropSockets({ userId: id, code: 1012 });
    await poll(() => service.connectionState() === 'offline', {
      description: 'the offline state',
      timeoutMs: 12_000,
    });
    expect(service.user()?.online).toBe(false);
    await poll(() => service.connectionState() === 'online', {
      description: 'the online state',
      timeoutMs: 15_000,
    });

    expect(service.user()).toMatchObject({ id, online: true });
    expect(states).toEqual(['online', 'offline', 'online']);
  }, 30_000);

  it('reports a bad signature as invalid-token and leaves nobody connected', async () => {
    const id = uniqueId('forged');
    const forged = tokenFor(id).replace(/\.[^.]+$/, '.c2lnbmF0dXJl');

    await expect(service.init(emulator.apiKey, id, forged)).rejects.toMatchObject({
      kind: 'invalid-token',
      code: 43,
    });
    expect(service.user()).toBeUndefined();
    expect(service.connectionState()).toBe('disconnected');
    expect(emitted).toEqual([undefined]);

    await service.init(emulator.apiKey, id, tokenFor(id));
    expect(service.user()?.id).toBe(id);
  });

  it('refuses a base64url token the client cannot read before touching the connected user', async () => {
    const alice = uniqueId('alice');
    const bob = uniqueId('bob');
    await service.init(emulator.apiKey, alice, tokenFor(alice));
    // A correctly signed token, as a JWT library writes it: base64url, here with "-" and "_".
    const segment = (json: string) => Buffer.from(json).toString('base64url');
    const unsigned = `${segment('{"alg":"HS256","typ":"JWT"}')}.${segment(
      JSON.stringify({ user_id: bob, q: '???>>>~~~' }),
    )}`;
    const signature = createHmac('sha256', emulator.apiSecret).update(unsigned).digest('base64url');
    const token = `${unsigned}.${signature}`;
    expect(token.split('.')[1]).toMatch(/[-_]/);
    expect(() => UserFromToken(token)).toThrow();

    const error = await service.init(emulator.apiKey, bob, token).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StreamChatError);
    expect(error).toMatchObject({ kind: 'invalid-input' });
    expect((error as Error).message).toMatch(/base64url with "-" or "_"/);
    expect(service.user()?.id).toBe(alice);
    expect(service.connectionState()).toBe('online');
    expect(emitted.map((user) => user?.id)).toEqual([undefined, alice]);
    expect(await admin.connectionCount(alice)).toBe(1);
    expect(await admin.connectionCount(bob)).toBe(0);
  });

  it('reports an expired static token as token-expired', async () => {
    const id = uniqueId('expired');

    await expect(service.init(emulator.apiKey, id, tokenFor(id, -60))).rejects.toMatchObject({
      kind: 'token-expired',
      code: 40,
    });
    expect(service.connectionState()).toBe('disconnected');
  });

  it('reports an unknown API key as invalid-api-key', async () => {
    const id = uniqueId('keyless');
    const error = await service.init('no-such-key', id, tokenFor(id)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StreamChatError);
    expect(error).toMatchObject({ kind: 'invalid-api-key', code: 2 });
    expect(service.user()).toBeUndefined();
  });

  it('reports a failing token provider and connects on the next call', async () => {
    const id = uniqueId('provider-down');
    const failing = async (): Promise<string> => {
      throw new Error('backend down');
    };

    await expect(service.init(emulator.apiKey, id, failing)).rejects.toMatchObject({
      kind: 'token-provider-failed',
    });
    expect(service.connectionState()).toBe('disconnected');

    await service.init(emulator.apiKey, id, async () => tokenFor(id));
    expect(service.user()?.id).toBe(id);
  });
});
