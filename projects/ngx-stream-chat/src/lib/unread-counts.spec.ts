import { Channel } from 'stream-chat';
import {
  channelState,
  loadChannels,
  newMessage,
  offlineClient,
} from '../../../../jest/offline-stream-chat';
import { CountedChannels, UnreadCounts } from './unread-counts';

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

  it('counts every listed channel first, and the active one even when unlisted', () => {
    const [unlisted] = loadChannels(client, [channelState(client, 'z', { unread: 5 })]);
    expect(counts.current(from(unlisted))).toEqual({
      'messaging:a': 1,
      'messaging:b': 0,
      'messaging:c': 3,
      'messaging:z': 5,
    });
  });

  it('recounts only the channels that events were about, in a new record', () => {
    const first = counts.current(from());
    counted.mockClear();

    newMessage(client, channels[1], 'alice', 'hi');
    counts.noteEvent('messaging:b');
    counts.noteEvent('messaging:unlisted');
    const next = counts.current(from());

    expect(counted).toHaveBeenCalledTimes(1);
    expect(next).toEqual({ 'messaging:a': 1, 'messaging:b': 1, 'messaging:c': 3 });
    expect(first).toEqual({ 'messaging:a': 1, 'messaging:b': 0, 'messaging:c': 3 });
  });

  it('keeps the record when the recounted channels did not change', () => {
    const first = counts.current(from());
    counts.noteEvent('messaging:a');
    expect(counts.current(from())).toBe(first);
    counts.recountAll();
    expect(counts.current(from())).toBe(first);
  });

  it('recounts everything after an event about no channel, recountAll(), or a new list or active channel', () => {
    counts.current(from());
    const recounts = (change: () => Readonly<Record<string, number>>) => {
      counted.mockClear();
      change();
      return counted.mock.calls.length;
    };
    expect(recounts(() => counts.current(from()))).toBe(0);
    counts.noteEvent(undefined);
    expect(recounts(() => counts.current(from()))).toBe(3);
    counts.recountAll();
    expect(recounts(() => counts.current(from()))).toBe(3);
    expect(recounts(() => counts.current(from(undefined, channels, 2)))).toBe(3);
    expect(recounts(() => counts.current(from(channels[0], channels, 2)))).toBe(4);
  });

  it('drops the counts of channels that left the list', () => {
    counts.current(from());
    expect(counts.current(from(undefined, channels.slice(0, 1), 2))).toEqual({ 'messaging:a': 1 });
  });
});
