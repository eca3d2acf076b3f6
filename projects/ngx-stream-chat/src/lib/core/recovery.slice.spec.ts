import { Channel, MessageResponse } from 'stream-chat';
import { MessageQuery, serveMessages } from '../../../../../jest/offline-message-server';
import {
  channelState,
  deliver,
  loadChannels,
  messageFrom,
  offlineClient,
} from '../../../../../jest/offline-stream-chat';
import { StoreProbe, settle } from '../../../../../jest/session-store-probe';
import { toChannelQuery } from '../channel-query';
import { StreamChatError } from '../stream-chat-errors';
import { activeChannelSlice } from './active-channel.slice';
import { queryPager } from './channel-pager';

/** After `connection.recovered`, the list and the active channel's messages catch up together. */
describe('recoverySlice', () => {
  let client: ReturnType<typeof offlineClient>;
  let probe: StoreProbe;
  let queryChannels: jest.SpyInstance;
  let query: MessageQuery;
  /** The messages of channel `a` on the server. */
  let stored: MessageResponse[];
  /** The channels the server lists, in order. */
  let serverList: string[];

  beforeEach(() => {
    client = offlineClient('me');
    stored = Array.from({ length: 4 }, (_, i) => messageFrom('alice', `n${i}`));
    serverList = ['a', 'b'];
    jest.spyOn(Channel.prototype, 'markRead').mockResolvedValue(null);
    queryChannels = jest
      .spyOn(client, 'queryChannels')
      .mockImplementation(async (_filters, _sort, _options, stateOptions) =>
        client.hydrateActiveChannels(
          serverList.map((id) => channelState(client, id, id === 'a' ? { messages: stored } : {})),
          stateOptions,
        ),
      );
  });

  afterEach(() => {
    probe.dispose();
    jest.restoreAllMocks();
  });

  /** Starts the session as `init()` does, showing `a` with the first two stored messages. */
  async function start(): Promise<Channel[]> {
    const options = { limit: 2, message_limit: 2 };
    const pager = queryPager(
      client,
      toChannelQuery({}, {}, options),
      (work) => work(),
      () => undefined,
    );
    const first = await pager.query('first-page', []);
    const [a] = first.channels;
    a.state.clearMessages();
    a.state.addMessagesSorted(stored.slice(0, 2));
    query = serveMessages(client, a, stored);
    probe = new StoreProbe(client, {
      options,
      firstPage: first.channels,
      hasMoreChannels: first.hasMorePage,
      pager,
    });
    queryChannels.mockClear();
    return first.channels;
  }
  const select = (channel: Channel) => probe.commands(activeChannelSlice).select(channel);
  const reconnect = async () => {
    deliver(client, { type: 'connection.changed', online: true });
    deliver(client, { type: 'connection.recovered' });
    await settle();
  };

  it('catches up the list and the active channel after connection.recovered', async () => {
    const [a] = await start();
    await select(a);
    serverList = ['b', 'a'];

    await reconnect();

    expect(queryChannels).toHaveBeenCalledTimes(1);
    expect(queryChannels.mock.calls[0][3]).toEqual({ skipInitialization: ['a'] });
    expect(query).toHaveBeenCalledTimes(1);
    expect(query.mock.calls[0][0]).toMatchObject({
      watch: true,
      messages: { id_gt: stored[1].id },
    });
    expect(probe.state.channels?.map((channel) => channel.id)).toEqual(['b', 'a']);
    expect(probe.state.activeChannel).toBe(a);
    expect(probe.state.activeChannelMessages.map((m) => m.text)).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(probe.errors).toEqual([]);
  });

  it('catches up the list alone when no channel is active', async () => {
    await start();
    serverList = ['b'];
    await reconnect();
    expect(probe.state.channels?.map((channel) => channel.id)).toEqual(['b']);
    expect(query).not.toHaveBeenCalled();
  });

  it('deselects an active channel that is no longer listed after the catch-up, reporting a failed catch-up', async () => {
    const [a] = await start();
    await select(a);
    query.mockRejectedValue(new Error('nope'));
    serverList = ['b'];

    await reconnect();

    expect(probe.state.channels?.map((channel) => channel.id)).toEqual(['b']);
    expect(probe.state.activeChannel).toBeUndefined();
    expect(probe.errors).toEqual([expect.any(StreamChatError)]);
  });

  it('keeps an active channel that was never listed', async () => {
    await start();
    const [unlisted] = loadChannels(client, [channelState(client, 'elsewhere')]);
    serveMessages(client, unlisted, []);
    await select(unlisted);

    await reconnect();

    expect(probe.state.activeChannel).toBe(unlisted);
    expect(queryChannels.mock.calls[0][3]).toEqual({ skipInitialization: ['elsewhere'] });
  });

  it('changes nothing once the session ended during the catch-up', async () => {
    const [a] = await start();
    await select(a);
    serverList = ['b'];
    query.mockImplementation(async () => {
      probe.dispose();
      throw new Error('late');
    });
    const mark = probe.mark();

    await reconnect();

    expect(probe.published.slice(mark).map((patch) => Object.keys(patch))).not.toContainEqual(
      expect.arrayContaining(['activeChannel']),
    );
    expect(probe.errors).toEqual([]);
  });
});
