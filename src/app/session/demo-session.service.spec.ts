import { TestBed } from '@angular/core/testing';
import { StreamChatError } from 'ngx-stream-chat';
import { StreamChat } from 'stream-chat';
import { StreamChatFakes } from 'ngx-stream-chat/testing';
import { provideDemoTesting } from '../testing/demo-test-providers';
import { channelInitArguments } from './channel-init-arguments';
import { ConnectChoice } from './connect-choice';
import { DemoSession } from './demo-session.service';
import { LastConnectChoice } from './last-connect-choice';
import { TokenEndpointClient } from './token-endpoint-client';

describe('DemoSession', () => {
  let fakes: StreamChatFakes;
  let session: DemoSession;
  let tokenRequests: [string, number | undefined][];

  beforeEach(() => {
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
      providers: [provideDemoTesting(), { provide: TokenEndpointClient, useValue: tokens }],
    });
    fakes = TestBed.inject(StreamChatFakes);
    session = TestBed.inject(DemoSession);
  });

  afterEach(() => localStorage.clear());

  it("connects with a token provider, then loads the user's channels", async () => {
    await expect(
      session.connect({ mode: 'token-provider', userId: 'alice', tokenLifetimeSeconds: 5 }),
    ).resolves.toBe(true);

    const [apiKey, user, provider] = fakes.client.calls('init')[0];
    expect([apiKey, user]).toEqual(['emulator-key', { id: 'alice', name: 'Alice Martin' }]);
    expect(typeof provider).toBe('function');
    expect(tokenRequests).toEqual([]);
    await expect((provider as () => Promise<string>)()).resolves.toBe('token-for-alice');
    expect(tokenRequests).toEqual([['alice', 5]]);
    expect(fakes.channels.calls('init')).toEqual([
      [
        { type: 'messaging', members: { $in: ['alice'] } },
        undefined,
        { activateFirstChannel: false },
      ],
    ]);
    expect(fakes.chatClientService.user()?.id).toBe('alice');
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
    expect(fakes.client.calls('init')[0]).toEqual([
      'emulator-key',
      { id: 'bob', name: 'Bob Nguyen' },
      'token-for-bob',
    ]);
  });

  it('makes a development token as the vendor page shows', async () => {
    await session.connect({ mode: 'dev-token', userId: 'carol' });
    expect(fakes.client.calls('init')[0][2]).toBe(
      StreamChat.getInstance('emulator-key').devToken('carol'),
    );
    expect(tokenRequests).toEqual([]);
  });

  it('connects guests and anonymous users to the livestream, its channel opened', async () => {
    await session.connect({ mode: 'guest', guestName: 'Sam' });
    const [guestInit] = fakes.client.calls('init');
    expect(guestInit[1]).toEqual({ id: expect.stringMatching(/^guest-sam-/), name: 'Sam' });
    expect(guestInit[2]).toBe('guest');
    await session.connect({ mode: 'anonymous' });
    expect(fakes.client.calls('init').at(-1)).toEqual(['emulator-key', undefined, 'anonymous']);
    expect(fakes.channels.calls('init').at(-1)).toEqual([
      { type: 'livestream' },
      undefined,
      { activateFirstChannel: true },
    ]);
    expect(session.readOnly()).toBe(true);
  });

  it('switches users as the page shows: reset, disconnect, init, channels', async () => {
    await session.connect({ mode: 'dev-token', userId: 'alice' });
    fakes.clearCalls();

    await session.switchUser('bob');

    expect(fakes.calls.map(({ service, method }) => `${service}.${method}`)).toEqual([
      'ChannelService.reset',
      'ChatClientService.disconnectUser',
      'ChatClientService.init',
      'ChannelService.init',
    ]);
    expect(fakes.chatClientService.user()?.id).toBe('bob');
    expect(session.choice()).toEqual({ mode: 'dev-token', userId: 'bob', guestName: undefined });
  });

  it('switches a guest to a seeded user with a token provider', async () => {
    await session.connect({ mode: 'guest', guestName: 'Sam' });
    await session.switchUser('carol');
    expect(session.choice()?.mode).toBe('token-provider');
    expect(session.choice()?.userId).toBe('carol');
  });

  it('shows why connecting failed and stays on the connect panel, until dismissed', async () => {
    fakes.client.failNext('init', new StreamChatError('invalid-token', 'the token is not valid.'));
    await expect(session.connect({ mode: 'dev-token', userId: 'alice' })).resolves.toBe(false);
    expect(session.choice()).toBeUndefined();
    expect(session.error()).toEqual({
      title: 'Could not connect as Alice Martin',
      detail: 'the token is not valid.',
    });
    expect(fakes.channels.calls('init')).toEqual([]);
    expect(fakes.chatClientService.user()).toBeUndefined();
    session.dismissError();
    expect(session.error()).toBeUndefined();
  });

  it('stays connected when only the channels fail to load, and says so', async () => {
    fakes.channels.failNext('init', new StreamChatError('unknown', 'boom'));
    await expect(session.connect({ mode: 'dev-token', userId: 'alice' })).resolves.toBe(true);
    expect(session.choice()?.userId).toBe('alice');
    expect(session.error()).toEqual({ title: 'Could not load the channels', detail: 'boom' });
  });

  it('ignores a connect that a later one superseded', async () => {
    fakes.client.failNext('init', new StreamChatError('superseded', 'later call'));
    await session.connect({ mode: 'anonymous' });
    expect(session.error()).toBeUndefined();
  });

  it('disconnects back to the connect panel; twice is fine', async () => {
    await session.connect({ mode: 'dev-token', userId: 'alice' });
    await session.disconnect();
    await session.disconnect();
    expect(session.choice()).toBeUndefined();
    expect(fakes.client.calls('disconnectUser')).toHaveLength(1);
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
      fakes.clearCalls();
      await session.connect(choice);
      expect(fakes.channels.calls('init')).toEqual([channelInitArguments(choice)]);
    }
  });
});
