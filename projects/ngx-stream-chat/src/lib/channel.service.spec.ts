import { TestBed } from '@angular/core/testing';
import { Channel, ChannelAPIResponse, StreamChat } from 'stream-chat';
import { ChannelService, StreamChatError } from 'ngx-stream-chat';
import { StreamChatFakes, provideStreamChatFakes } from 'ngx-stream-chat/testing';
import {
  channelState,
  loadChannels,
  newMessage,
  offlineClient,
} from '../../../../jest/offline-stream-chat';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

describe('ChannelService (offline client)', () => {
  /** The fake `ChatClientService` the real `ChannelService` reads its user and client from. */
  let fakes: StreamChatFakes;
  let service: ChannelService;
  let client: ReturnType<typeof offlineClient>;
  /** What the stubbed server answers to the next `queryChannels`. */
  let answer: () => Promise<ChannelAPIResponse[]>;

  const listenerCount = () =>
    Object.values(client.listeners).reduce((sum, list) => sum + list.length, 0);
  const ids = (channels: Channel[] | undefined) => channels?.map((channel) => channel.id);

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideStreamChatFakes({ fakeChannelService: false })],
    });
    fakes = TestBed.inject(StreamChatFakes);
    service = TestBed.inject(ChannelService);
    client = offlineClient('me');
    answer = async () => [channelState(client, 'a'), channelState(client, 'b')];
    client.queryChannels = jest.fn(async () =>
      loadChannels(client, await answer()),
    ) as unknown as StreamChat['queryChannels'];
    jest.spyOn(Channel.prototype, 'markRead').mockResolvedValue(null);
  });

  afterEach(() => jest.restoreAllMocks());

  it('is empty before init, and refuses to init with nobody connected', async () => {
    expect(service.channels()).toBeUndefined();
    expect(service.activeChannel()).toBeUndefined();
    expect(service.activeChannelMessages()).toEqual([]);
    expect(service.channelQueryState()).toBeUndefined();

    await expect(service.init({})).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(service.channels()).toBeUndefined();
  });

  it('publishes the list, reports the query state, and activates the first channel', async () => {
    fakes.client.connectAs('me', { client });
    const states: (string | undefined)[] = [];
    service.channelQueryState$.subscribe((state) => states.push(state?.state));

    const channels = await service.init({ type: 'messaging' }, undefined, { limit: 2 });

    expect(ids(channels)).toEqual(['a', 'b']);
    expect(service.channels()).toBe(channels);
    expect(service.hasMoreChannels()).toBe(true);
    expect(service.activeChannel()).toBe(channels[0]);
    expect(states).toEqual([undefined, 'in-progress', 'success']);
    expect(client.queryChannels).toHaveBeenCalledWith(
      { type: 'messaging' },
      { last_message_at: -1 },
      { presence: true, watch: true, state: true, limit: 2, message_limit: 25, offset: 0 },
      {},
    );
  });

  it('works for an anonymous user, whose client id is not its user id', async () => {
    fakes.client.connectAs({ id: '!anon', role: 'anonymous' }, { client });
    expect(await service.init({ type: 'livestream' })).toHaveLength(2);
    fakes.client.updateUser({ online: false });
    expect(service.channels()).toHaveLength(2);
  });

  it('leaves the selection to the app with activateFirstChannel: false', async () => {
    fakes.client.connectAs('me', { client });
    await service.init({}, undefined, { activateFirstChannel: false });
    expect(service.activeChannel()).toBeUndefined();
  });

  it('keeps the current list and reports a typed error when a later init fails', async () => {
    fakes.client.connectAs('me', { client });
    const first = await service.init({});
    answer = async () => {
      throw new Error('server down');
    };

    const error = await service.init({ other: true } as never).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StreamChatError);
    expect(service.channelQueryState()).toEqual({ state: 'error', error });
    expect(service.channels()).toBe(first);
    expect(service.activeChannel()).toBe(first[0]);
  });

  it('reports a superseded init, and installs only the latest list', async () => {
    fakes.client.connectAs('me', { client });
    let release!: () => void;
    answer = () =>
      new Promise((resolve) => (release = () => resolve([channelState(client, 'slow')])));
    const slow = service.init({});
    answer = async () => [channelState(client, 'fast')];
    const fast = service.init({});
    release();

    await expect(slow).rejects.toMatchObject({ kind: 'superseded' });
    expect(ids(await fast)).toEqual(['fast']);
    expect(ids(service.channels())).toEqual(['fast']);
  });

  it('coalesces a burst of events into one update per frame', async () => {
    fakes.client.connectAs('me', { client });
    const [a, b] = await service.init({}, undefined, { activateFirstChannel: false });
    const lists: (string | undefined)[][] = [];
    service.channels$.subscribe((channels) => lists.push(ids(channels) ?? []));
    const unread: number[] = [];
    service.unreadCount$(b).subscribe((count) => unread.push(count));

    for (let i = 0; i < 100; i++) {
      newMessage(client, i % 2 ? a : b, 'alice', `burst ${i}`);
    }
    expect(lists).toHaveLength(1);
    await nextFrame();

    expect(lists).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
    expect(unread).toEqual([0, 50]);
    expect(service.unreadCount(a)()).toBe(50);
    expect(service.unreadCount(a)).toBe(service.unreadCount(a));
  });

  it('publishes nothing when an event changes nothing', async () => {
    fakes.client.connectAs('me', { client });
    await service.init({});
    let emissions = 0;
    service.channels$.subscribe(() => emissions++);
    client.dispatchEvent({ type: 'health.check' });
    await nextFrame();
    expect(emissions).toBe(1);
  });

  it('resets idempotently, before and after init, removing every listener', async () => {
    service.reset();
    fakes.client.connectAs('me', { client });
    const before = listenerCount();
    await service.init({});
    expect(listenerCount()).toBeGreaterThan(before);

    service.reset();
    service.reset();

    expect(listenerCount()).toBe(before);
    expect(service.channels()).toBeUndefined();
    expect(service.activeChannel()).toBeUndefined();
    expect(service.hasMoreChannels()).toBe(false);
    expect(service.channelQueryState()).toBeUndefined();
  });

  it.each([
    ['disconnects', undefined],
    ['switches to another user', 'someone-else'],
  ])('resets itself when ChatClientService %s', async (_, user) => {
    fakes.client.connectAs('me', { client });
    await service.init({});
    fakes.client.updateUser({ total_unread_count: 3 });
    expect(service.channels()).toHaveLength(2);

    if (user) fakes.client.connectAs(user);
    else fakes.client.disconnect();

    expect(service.channels()).toBeUndefined();
    expect(listenerCount()).toBe(0);
  });

  it('resets itself when the injector is destroyed', async () => {
    fakes.client.connectAs('me', { client });
    await service.init({});
    TestBed.resetTestingModule();
    expect(listenerCount()).toBe(0);
  });

  it('answers calls that need a list or an active channel with typed errors, or does nothing', async () => {
    await expect(service.setAsActiveChannel({} as Channel)).rejects.toMatchObject({
      kind: 'invalid-input',
    });
    await expect(service.sendMessage('hi')).rejects.toMatchObject({ kind: 'invalid-input' });
    await expect(service.resendMessage({} as never)).rejects.toMatchObject({
      kind: 'invalid-input',
    });
    await expect(service.loadMoreChannels()).resolves.toBeUndefined();
    await expect(service.loadMoreMessages()).resolves.toBeUndefined();
    await expect(service.typingStarted()).resolves.toBeUndefined();
    await expect(service.typingStopped()).resolves.toBeUndefined();
    service.deselectActiveChannel();

    fakes.client.connectAs('me', { client });
    await service.init({}, undefined, { activateFirstChannel: false });
    await expect(service.sendMessage('hi')).rejects.toMatchObject({ kind: 'invalid-input' });
  });

  it('switches and clears the active channel', async () => {
    fakes.client.connectAs('me', { client });
    const [a, b] = await service.init({});
    newMessage(client, b, 'alice', 'in b');

    await service.setAsActiveChannel(b);
    expect(service.activeChannel()).toBe(b);
    expect(service.activeChannelMessages().map((m) => m.text)).toEqual(['in b']);
    expect(Channel.prototype.markRead).toHaveBeenCalledTimes(1);

    service.deselectActiveChannel();
    expect(service.activeChannel()).toBeUndefined();
    expect(service.activeChannelMessages()).toEqual([]);
    expect(a).toBeDefined();
  });
});
