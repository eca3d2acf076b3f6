import { TestBed } from '@angular/core/testing';
import { StreamChatError } from 'ngx-stream-chat';
import { StreamChat } from 'stream-chat';
import { FakeChannelService, FakeChatClientService, provideChatFakes } from '../testing/chat-fakes';
import { channelInitArguments } from './channel-init-arguments';
import { ConnectChoice } from './connect-choice';
import { DemoSession } from './demo-session.service';
import { LastConnectChoice } from './last-connect-choice';
import { TokenEndpointClient } from './token-endpoint-client';

describe('DemoSession', () => {
  let chat: FakeChatClientService;
  let channels: FakeChannelService;
  let session: DemoSession;
  let tokenRequests: [string, number | undefined][];

  beforeEach(() => {
    chat = new FakeChatClientService();
    channels = new FakeChannelService();
    tokenRequests = [];
    const tokens = {
      fetchToken: async (userId: string, expiresIn?: number) => {
        tokenRequests.push([userId, expiresIn]);
        return `token-for-${userId}`;
      },
      tokenProvider: (userId: string, expiresIn?: number) => async () => {
        tokenRequests.push([userId, expiresIn]);
        return `token-for-${userId}`;
      },
    };
    TestBed.configureTestingModule({
      providers: [
        ...provideChatFakes(chat, channels),
        { provide: TokenEndpointClient, useValue: tokens },
      ],
    });
    session = TestBed.inject(DemoSession);
  });

  afterEach(() => localStorage.clear());

  it("connects with a token provider, then loads the user's channels", async () => {
    await expect(
      session.connect({ mode: 'token-provider', userId: 'alice', tokenLifetimeSeconds: 5 }),
    ).resolves.toBe(true);

    const [, apiKey, user, provider] = chat.calls[0];
    expect([apiKey, user]).toEqual(['emulator-key', { id: 'alice', name: 'Alice Martin' }]);
    expect(typeof provider).toBe('function');
    expect(tokenRequests).toEqual([]);
    await expect((provider as () => Promise<string>)()).resolves.toBe('token-for-alice');
    expect(tokenRequests).toEqual([['alice', 5]]);
    expect(channels.calls).toEqual([
      [
        'init',
        { type: 'messaging', members: { $in: ['alice'] } },
        undefined,
        { activateFirstChannel: false },
      ],
    ]);
    expect(session.choice()).toEqual({
      mode: 'token-provider',
      userId: 'alice',
      tokenLifetimeSeconds: 5,
    });
    expect(session.error()).toBeUndefined();
    expect(TestBed.inject(LastConnectChoice).get()).toEqual({
      mode: 'token-provider',
      userId: 'alice',
      tokenLifetimeSeconds: 5,
    });
  });

  it('fetches a static token once, for an hour', async () => {
    await session.connect({ mode: 'static-token', userId: 'bob' });
    expect(tokenRequests).toEqual([['bob', 3600]]);
    expect(chat.calls[0]).toEqual([
      'init',
      'emulator-key',
      { id: 'bob', name: 'Bob Nguyen' },
      'token-for-bob',
    ]);
  });

  it('makes a development token as the vendor page shows', async () => {
    await session.connect({ mode: 'dev-token', userId: 'carol' });
    expect(chat.calls[0][3]).toBe(StreamChat.getInstance('emulator-key').devToken('carol'));
    expect(tokenRequests).toEqual([]);
  });

  it('connects guests and anonymous users to the livestream, its channel opened', async () => {
    await session.connect({ mode: 'guest', guestName: 'Sam' });
    expect(chat.calls[0][2]).toEqual({ id: expect.stringMatching(/^guest-sam-/), name: 'Sam' });
    expect(chat.calls[0][3]).toBe('guest');
    await session.connect({ mode: 'anonymous' });
    expect(chat.calls.at(-1)).toEqual(['init', 'emulator-key', undefined, 'anonymous']);
    expect(channels.calls.at(-1)).toEqual([
      'init',
      { type: 'livestream' },
      undefined,
      { activateFirstChannel: true },
    ]);
    expect(session.readOnly()).toBe(true);
  });

  it('switches users as the page shows: reset, disconnect, init, channels', async () => {
    await session.connect({ mode: 'dev-token', userId: 'alice' });
    chat.calls.length = 0;
    channels.calls.length = 0;
    const order: string[] = [];
    const recordAfter = (service: { calls: unknown[][] }, prefix: string) => {
      const push = service.calls.push.bind(service.calls);
      service.calls.push = (...items: unknown[][]) => {
        items.forEach((item) => order.push(`${prefix}.${item[0]}`));
        return push(...items);
      };
    };
    recordAfter(chat, 'chat');
    recordAfter(channels, 'channels');

    await session.switchUser('bob');

    expect(order).toEqual(['channels.reset', 'chat.disconnectUser', 'chat.init', 'channels.init']);
    expect(session.choice()).toEqual({ mode: 'dev-token', userId: 'bob', guestName: undefined });
  });

  it('switches a guest to a seeded user with a token provider', async () => {
    await session.connect({ mode: 'guest', guestName: 'Sam' });
    await session.switchUser('carol');
    expect(session.choice()?.mode).toBe('token-provider');
    expect(session.choice()?.userId).toBe('carol');
  });

  it('shows why connecting failed and stays on the connect panel, until dismissed', async () => {
    chat.initBehavior = () =>
      Promise.reject(new StreamChatError('invalid-token', 'the token is not valid.'));
    await expect(session.connect({ mode: 'dev-token', userId: 'alice' })).resolves.toBe(false);
    expect(session.choice()).toBeUndefined();
    expect(session.error()).toEqual({
      title: 'Could not connect as Alice Martin',
      detail: 'the token is not valid.',
    });
    expect(channels.calls).toEqual([]);
    session.dismissError();
    expect(session.error()).toBeUndefined();
  });

  it('stays connected when only the channels fail to load, and says so', async () => {
    channels.initBehavior = () => Promise.reject(new Error('boom'));
    await expect(session.connect({ mode: 'dev-token', userId: 'alice' })).resolves.toBe(true);
    expect(session.choice()?.userId).toBe('alice');
    expect(session.error()).toEqual({ title: 'Could not load the channels', detail: 'boom' });
  });

  it('ignores a connect that a later one superseded', async () => {
    chat.initBehavior = () => Promise.reject(new StreamChatError('superseded', 'later call'));
    await session.connect({ mode: 'anonymous' });
    expect(session.error()).toBeUndefined();
  });

  it('disconnects back to the connect panel; twice is fine', async () => {
    await session.connect({ mode: 'dev-token', userId: 'alice' });
    await session.disconnect();
    await session.disconnect();
    expect(session.choice()).toBeUndefined();
    expect(chat.calls.filter(([method]) => method === 'disconnectUser')).toHaveLength(1);
    expect(session.busy()).toBe(false);
  });

  it('passes channelService.init() the arguments the connect panel previews', async () => {
    const choices: ConnectChoice[] = [
      { mode: 'token-provider', userId: 'alice' },
      { mode: 'static-token', userId: 'bob' },
      { mode: 'dev-token', userId: 'carol' },
      { mode: 'guest', guestName: 'Sam' },
      { mode: 'anonymous' },
    ];
    for (const choice of choices) {
      channels.calls.length = 0;
      await session.connect(choice);
      expect(channels.calls.filter(([method]) => method === 'init')).toEqual([
        ['init', ...channelInitArguments(choice)],
      ]);
    }
  });
});
