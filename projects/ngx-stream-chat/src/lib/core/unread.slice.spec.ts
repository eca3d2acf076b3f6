import { Channel } from 'stream-chat';
import {
  channelState,
  deliver,
  loadChannels,
  newMessage,
  offlineClient,
} from '../../../../../jest/offline-stream-chat';
import { StoreProbe, nextFrame } from '../../../../../jest/session-store-probe';
import type { UnreadCountsView } from '../unread-counts';
import { activeChannelSlice } from './active-channel.slice';
import { channelListSlice } from './channel-list.slice';

describe('unreadSlice', () => {
  let client: ReturnType<typeof offlineClient>;
  let probe: StoreProbe;
  let a: Channel;
  let b: Channel;

  /** The published counts of the two listed channels and of one that is neither listed nor active. */
  const counts = (view: UnreadCountsView = probe.state.unreadCounts) =>
    Object.fromEntries(
      ['messaging:a', 'messaging:b', 'messaging:z'].map((cid) => [cid, view.get(cid)]),
    );

  beforeEach(() => {
    client = offlineClient('me');
    [a, b] = loadChannels(client, [
      channelState(client, 'a'),
      channelState(client, 'b', { unread: 2 }),
    ]);
    jest.spyOn(Channel.prototype, 'markRead').mockResolvedValue(null);
    probe = new StoreProbe(client, { firstPage: [a, b] });
  });

  afterEach(() => {
    probe.dispose();
    jest.restoreAllMocks();
  });

  it('publishes the counts of the listed channels from the start', () => {
    expect(counts()).toEqual({ 'messaging:a': 0, 'messaging:b': 2, 'messaging:z': 0 });
  });

  it('follows new messages frame by frame, in step with the reordered list', async () => {
    const before = probe.state.unreadCounts;
    newMessage(client, b, 'alice', 'one');
    newMessage(client, a, 'alice', 'two');
    newMessage(client, b, 'alice', 'three');
    await nextFrame();

    expect(probe.state.channels?.map((channel) => channel.id)).toEqual(['b', 'a']);
    expect(probe.state.unreadCounts).not.toBe(before);
    expect(counts()).toEqual({ 'messaging:a': 1, 'messaging:b': 4, 'messaging:z': 0 });

    const frame = probe.state.unreadCounts;
    deliver(client, { type: 'notification.mark_read', unread_channels: 0, total_unread_count: 0 });
    await nextFrame();
    expect(probe.state.unreadCounts).not.toBe(frame);
    expect(counts()).toEqual({ 'messaging:a': 0, 'messaging:b': 0, 'messaging:z': 0 });
  });

  it('keeps the same view while no count changes', async () => {
    const mark = probe.mark();
    deliver(client, { type: 'typing.start', cid: b.cid, user: { id: 'alice' } });
    deliver(client, { type: 'user.updated', user: { id: 'alice' } });
    await nextFrame();
    probe.commands(channelListSlice).add(a);
    expect(probe.values('unreadCounts', mark)).toEqual([]);
  });

  it('counts the active channel whether or not it is listed', async () => {
    const [unlisted] = loadChannels(client, [channelState(client, 'z', { unread: 3 })]);
    await probe.commands(activeChannelSlice).select(unlisted);
    expect(counts()).toEqual({ 'messaging:a': 0, 'messaging:b': 2, 'messaging:z': 3 });

    newMessage(client, unlisted, 'alice', 'more');
    await nextFrame();
    expect(counts()['messaging:z']).toBe(4);

    probe.commands(activeChannelSlice).deselect();
    expect(counts()['messaging:z']).toBe(0);
  });

  it('recounts every channel after a command, and forgets channels that leave the list', async () => {
    const [c] = loadChannels(client, [channelState(client, 'c', { unread: 5 })]);
    probe.commands(channelListSlice).add(c);
    expect(probe.state.unreadCounts.get(c.cid)).toBe(5);

    deliver(client, { type: 'channel.deleted', cid: b.cid });
    await nextFrame();
    expect(counts()['messaging:b']).toBe(0);
  });
});
