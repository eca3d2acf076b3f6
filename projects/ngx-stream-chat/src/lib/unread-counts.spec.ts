import { Channel } from 'stream-chat';
import {
  channelState,
  loadChannels,
  newMessage,
  offlineClient,
} from '../../../../jest/offline-stream-chat';
import { CountedChannels, NO_UNREAD_COUNTS, UnreadCounts, UnreadCountsView } from './unread-counts';

describe('UnreadCounts', () => {
  let client: ReturnType<typeof offlineClient>;
  let channels: Channel[];
  let counts: UnreadCounts;
  let counted: jest.SpyInstance;

  const from = (active?: Channel, listed = channels, membership = 1): CountedChannels => ({
    channels: listed,
    membership,
    active,
    find: (cid) => (cid === active?.cid ? active : listed.find((channel) => channel.cid === cid)),
  });
  const read = (view: UnreadCountsView, ...ids: string[]) =>
    ids.map((id) => view.get(`messaging:${id}`));
  /** How many channels `change` recounted. */
  const recounts = (change: () => unknown) => {
    counted.mockClear();
    change();
    return counted.mock.calls.length;
  };

  beforeEach(() => {
    client = offlineClient('me');
    channels = loadChannels(client, [
      channelState(client, 'a', { unread: 1 }),
      channelState(client, 'b'),
      channelState(client, 'c', { unread: 3 }),
    ]);
    counts = new UnreadCounts();
    counted = jest.spyOn(Channel.prototype, 'countUnread');
  });

  afterEach(() => jest.restoreAllMocks());

  it('reads 0 for every channel when nothing is listed', () => {
    expect(NO_UNREAD_COUNTS.get('messaging:a')).toBe(0);
  });

  it('counts every listed channel first, and the active one even when unlisted', () => {
    const [unlisted] = loadChannels(client, [channelState(client, 'z', { unread: 5 })]);
    expect(read(counts.current(from(unlisted)), 'a', 'b', 'c', 'z', 'other')).toEqual([
      1, 0, 3, 5, 0,
    ]);
  });

  it('recounts only the channels that events were about, and publishes a new view', () => {
    const first = counts.current(from());

    newMessage(client, channels[1], 'alice', 'hi');
    counts.noteEvent('messaging:b');
    counts.noteEvent('messaging:unlisted');
    let next = first;
    expect(recounts(() => (next = counts.current(from())))).toBe(1);

    expect(next).not.toBe(first);
    expect(read(next, 'a', 'b', 'c', 'unlisted')).toEqual([1, 1, 3, 0]);
  });

  it('keeps the view when the recounted channels did not change', () => {
    const first = counts.current(from());
    counts.noteEvent('messaging:a');
    expect(counts.current(from())).toBe(first);
    counts.recountAll();
    expect(counts.current(from())).toBe(first);
  });

  it('recounts everything after an event about no channel, recountAll(), or a new list or active channel', () => {
    counts.current(from());
    expect(recounts(() => counts.current(from()))).toBe(0);
    counts.noteEvent(undefined);
    expect(recounts(() => counts.current(from()))).toBe(3);
    counts.recountAll();
    expect(recounts(() => counts.current(from()))).toBe(3);
    expect(recounts(() => counts.current(from(undefined, channels, 2)))).toBe(3);
    expect(recounts(() => counts.current(from(channels[0], channels, 2)))).toBe(4);
  });

  it('forgets the counts of channels that left the list', () => {
    const first = counts.current(from());
    const next = counts.current(from(undefined, channels.slice(0, 1), 2));
    expect(next).not.toBe(first);
    expect(read(next, 'a', 'c')).toEqual([1, 0]);
  });
});
