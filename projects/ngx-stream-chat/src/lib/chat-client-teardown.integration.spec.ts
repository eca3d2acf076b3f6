import { TestBed } from '@angular/core/testing';
import { StreamChat } from 'stream-chat';
import { ChannelService, ChatClientService, provideStreamChat } from 'ngx-stream-chat';
import { EmulatorAdmin, provideStreamChatTesting } from 'ngx-stream-chat/testing';
import { connectPeer, tokenFor, uniqueId } from '../../../../jest/chat-peer';
import { integrationEmulator } from '../../../../jest/emulator-environment';
import { createChannel } from '../../../../jest/peer-channels';
import { poll } from '../../../stream-chat-emulator/test/poll';

const listenerCount = (client: StreamChat) =>
  Object.values(client.listeners).reduce((sum, list) => sum + list.length, 0);

describe('ChatClientService and ChannelService when their injector is destroyed', () => {
  const emulator = integrationEmulator();
  const admin = new EmulatorAdmin(emulator);
  const peers: StreamChat[] = [];

  afterEach(async () => {
    TestBed.resetTestingModule();
    await Promise.all(peers.splice(0).map((peer) => peer.disconnectUser(0)));
  });

  it('closes the socket and removes every listener', async () => {
    TestBed.configureTestingModule({ providers: [provideStreamChatTesting(emulator)] });
    const chat = TestBed.inject(ChatClientService);
    const channels = TestBed.inject(ChannelService);
    const bob = uniqueId('bob');
    await chat.init(emulator.apiKey, bob, tokenFor(bob));
    const alice = await connectPeer(uniqueId('alice'));
    peers.push(alice);
    await createChannel(alice, [bob], 'teardown');
    await channels.init({ members: { $in: [bob] } });
    const client = chat.chatClient!;
    const listed: unknown[] = [];
    channels.channels$.subscribe((list) => listed.push(list));
    expect(await admin.connectionCount(bob)).toBe(1);
    expect(listenerCount(client)).toBeGreaterThan(0);

    TestBed.resetTestingModule();

    await poll(async () => (await admin.connectionCount(bob)) === 0, {
      description: 'the socket to close',
    });
    expect(client.user).toBeUndefined();
    expect(listenerCount(client)).toBe(0);
    expect(listed.at(-1)).toBeUndefined();
  });

  it('frees the StreamChat.getInstance() singleton for the next app', async () => {
    const singleton = () =>
      provideStreamChat({ apiKey: emulator.apiKey, options: { baseURL: emulator.url } });
    TestBed.configureTestingModule({ providers: [singleton()] });
    const first = uniqueId('first');
    await TestBed.inject(ChatClientService).init(emulator.apiKey, first, tokenFor(first));
    const client = StreamChat.getInstance(emulator.apiKey);
    expect(client.userID).toBe(first);

    TestBed.resetTestingModule();
    await poll(async () => (await admin.connectionCount(first)) === 0, {
      description: 'the socket to close',
    });
    expect(client.userID).toBeUndefined();

    TestBed.configureTestingModule({ providers: [singleton()] });
    const chat = TestBed.inject(ChatClientService);
    const second = uniqueId('second');
    await chat.init(emulator.apiKey, second, tokenFor(second));

    expect(chat.chatClient).toBe(client);
    expect(chat.user()?.id).toBe(second);
    expect(await admin.connectionCount(second)).toBe(1);

    TestBed.resetTestingModule();
    await poll(async () => (await admin.connectionCount(second)) === 0, {
      description: 'the socket to close',
    });
  });

  it('gives up a pending init() at once, without waiting for its token provider', async () => {
    TestBed.configureTestingModule({ providers: [provideStreamChatTesting(emulator)] });
    const chat = TestBed.inject(ChatClientService);
    const id = uniqueId('pending');
    const init = chat
      .init(emulator.apiKey, id, () => new Promise<string>(() => undefined))
      .catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();

    TestBed.resetTestingModule();

    expect(await init).toMatchObject({ kind: 'superseded' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await admin.connectionCount(id)).toBe(0);
    await expect(chat.init(emulator.apiKey, id, tokenFor(id))).rejects.toMatchObject({
      kind: 'invalid-input',
    });
  });
});
