import { Channel } from 'stream-chat';
import {
  channelState,
  deliver,
  loadChannels,
  newMessage,
  offlineClient,
} from '../../../../../jest/offline-stream-chat';
import { StoreProbe, nextFrame, settle } from '../../../../../jest/session-store-probe';
import { activeChannelSlice } from './active-channel.slice';
import { CORE_SLICES } from './core-slices';

/** A session with every core slice, as `ChannelService.init()` starts it. */
describe('CORE_SLICES', () => {
  let client: ReturnType<typeof offlineClient>;
  let probe: StoreProbe;
  let channels: Channel[];

  const listenerCount = () =>
    Object.values(client.listeners).reduce((sum, list) => sum + list.length, 0);

  beforeEach(() => {
    client = offlineClient('me');
    channels = loadChannels(client, [
      channelState(client, 'a'),
      channelState(client, 'b', { unread: 2 }),
    ]);
    jest.spyOn(Channel.prototype, 'markRead').mockResolvedValue(null);
    probe = new StoreProbe(client, { firstPage: channels });
  });

  afterEach(() => {
    probe.dispose();
    jest.restoreAllMocks();
  });

  it('have unique names, each slice reading only the states of those before it', () => {
    const names = CORE_SLICES.map((slice) => slice.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.indexOf('channelList')).toBeLessThan(names.indexOf('activeChannel'));
    expect(names.indexOf('activeChannel')).toBeLessThan(names.indexOf('messages'));
    expect(names.indexOf('messages')).toBeLessThan(names.indexOf('unread'));
  });

  it('follow the client with a single listener', () => {
    expect(listenerCount()).toBe(1);
  });

  it('publish a burst of events once, on the next frame', async () => {
    await probe.commands(activeChannelSlice).select(channels[1]);
    const mark = probe.mark();
    for (let i = 0; i < 10; i++) newMessage(client, channels[1], 'alice', `m${i}`);
    expect(probe.mark()).toBe(mark);

    await nextFrame();

    expect(probe.mark()).toBe(mark + 1);
    expect(probe.state.activeChannelMessages).toHaveLength(10);
  });

  it('deselect the active channel when it is deleted or the user is removed from it', async () => {
    const active = probe.commands(activeChannelSlice);
    await active.select(channels[1]);
    deliver(client, { type: 'notification.removed_from_channel', cid: channels[1].cid });
    await nextFrame();
    expect(probe.state.activeChannel).toBeUndefined();
    expect(probe.state.channels).toEqual([channels[0]]);
    expect(probe.state.activeChannelMessages).toEqual([]);

    const unlisted = loadChannels(client, [channelState(client, 'unlisted')])[0];
    await active.select(unlisted);
    deliver(client, { type: 'channel.deleted', cid: unlisted.cid });
    await nextFrame();
    expect(probe.state.activeChannel).toBeUndefined();
  });

  it('remove their listener on dispose, and then stay quiet', async () => {
    await probe.commands(activeChannelSlice).select(channels[0]);
    probe.dispose();
    probe.dispose();
    expect(listenerCount()).toBe(0);
    expect(probe.store.disposed).toBe(true);
    const mark = probe.mark();

    newMessage(client, channels[0], 'alice', 'after');
    deliver(client, { type: 'connection.recovered' });
    probe.commands(activeChannelSlice).deselect();
    await nextFrame();
    await settle();

    expect(probe.mark()).toBe(mark);
    expect(probe.errors).toEqual([]);
  });
});
