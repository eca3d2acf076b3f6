import { TestBed } from '@angular/core/testing';
import type { Channel, ChannelData, StreamChat } from 'stream-chat';
import {
  ChatClientService,
  ClientEvent,
  StreamChatConfig,
  provideStreamChat,
} from 'ngx-stream-chat';
import { EmulatorAdmin, separateClientFactory } from 'ngx-stream-chat/testing';
import { connectPeer, tokenFor, uniqueId } from '../../../../../jest/chat-peer';
import { integrationEmulator } from '../../../../../jest/emulator-environment';
import { poll } from '../../../../stream-chat-emulator/test/poll';

describe('ChatClientService init() forms, config and events$', () => {
  const emulator = integrationEmulator();
  const admin = new EmulatorAdmin(emulator);
  const peers: StreamChat[] = [];
  let service: ChatClientService;

  function setUp(config: Partial<StreamChatConfig> = {}): ChatClientService {
    TestBed.configureTestingModule({
      providers: [
        provideStreamChat({
          options: { baseURL: emulator.url },
          clientFactory: separateClientFactory(),
          ...config,
        }),
      ],
    });
    service = TestBed.inject(ChatClientService);
    return service;
  }

  async function peer(name: string): Promise<StreamChat> {
    const client = await connectPeer(uniqueId(name), name);
    peers.push(client);
    return client;
  }

  /** A channel of `owner` with `invitee` invited to it. */
  async function invitation(owner: StreamChat, invitee: string): Promise<Channel> {
    const channel = owner.channel('messaging', uniqueId('invite'), {
      members: [owner.userID as string],
    } as ChannelData);
    await channel.watch();
    await channel.inviteMembers([invitee]);
    return channel;
  }

  afterEach(async () => {
    await admin.clearRequestFaults();
    await service?.disconnectUser();
    await Promise.all(peers.splice(0).map((client) => client.disconnectUser(0)));
  });

  it('connects without the key when StreamChatConfig.apiKey is set', async () => {
    setUp({ apiKey: emulator.apiKey });
    const id = uniqueId('short');

    const result = await service.init(id, tokenFor(id));

    expect(result?.me?.id).toBe(id);
    expect(service.user()?.id).toBe(id);
    expect(service.chatClient?.key).toBe(emulator.apiKey);
    const provided = uniqueId('provided');
    await service.init({ id: provided, name: 'Provided' }, async () => tokenFor(provided));
    expect(service.user()).toMatchObject({ id: provided, name: 'Provided' });
    await service.init(undefined, 'anonymous');
    expect(service.user()?.role).toBe('anonymous');
  });

  it("keeps the vendor's form working, with the key it is given", async () => {
    setUp({ apiKey: 'a-key-the-server-does-not-know' });
    const id = uniqueId('vendor');

    await service.init(emulator.apiKey, id, tokenFor(id), { baseURL: emulator.url });

    expect(service.user()?.id).toBe(id);
    expect(service.chatClient?.key).toBe(emulator.apiKey);
  });

  it('refuses the short form without a configured key, leaving the connected user connected', async () => {
    setUp();
    const id = uniqueId('connected');
    await service.init(emulator.apiKey, id, tokenFor(id));

    const refused = service.init(id, tokenFor(id));

    await expect(refused).rejects.toMatchObject({
      name: 'StreamChatError',
      kind: 'invalid-input',
      message: expect.stringContaining('StreamChatConfig.apiKey'),
    });
    expect(service.user()?.id).toBe(id);
    expect(service.connectionState()).toBe('online');
  });

  it('tracks invitations for every init() when the config says so, unless init() options say not to, never for anonymous users', async () => {
    setUp({ apiKey: emulator.apiKey, trackPendingChannelInvites: true });
    const invitee = uniqueId('bob');
    await (await connectPeer(invitee)).disconnectUser(0);
    const alice = await peer('alice');
    const channel = await invitation(alice, invitee);

    await service.init(invitee, tokenFor(invitee));
    expect(service.pendingInvites().map((invite) => invite.cid)).toEqual([channel.cid]);

    await service.init(invitee, tokenFor(invitee), { trackPendingChannelInvites: false });
    expect(service.pendingInvites()).toEqual([]);

    // Anonymous users cannot be invited; connecting one asks nothing about invitations.
    await admin.failNextRequests(1, 500);
    await service.init(undefined, 'anonymous');
    await admin.clearRequestFaults();
    expect(service.user()?.role).toBe('anonymous');
    expect(service.pendingInvites()).toEqual([]);
  });

  it("emits every client event as the vendor's { eventType, event }", async () => {
    setUp({ apiKey: emulator.apiKey });
    const id = uniqueId('listener');
    await service.init(id, tokenFor(id));
    const alice = await peer('alice');
    const channel = alice.channel('messaging', uniqueId('events'), {
      members: [alice.userID as string, id],
    } as ChannelData);
    await channel.watch();
    const seen: ClientEvent[] = [];
    const subscription = service.events$.subscribe((event) => seen.push(event));

    await channel.sendMessage({ text: 'hello bob' });
    await poll(() => seen.find(({ eventType }) => eventType === 'notification.message_new'), {
      description: 'notification.message_new on events$',
    });
    subscription.unsubscribe();

    const notification = seen.find(({ eventType }) => eventType === 'notification.message_new');
    expect(notification?.event).toMatchObject({
      type: 'notification.message_new',
      cid: channel.cid,
      message: { text: 'hello bob' },
    });
    expect(seen.every(({ eventType, event }) => eventType === event.type)).toBe(true);
  });
});
