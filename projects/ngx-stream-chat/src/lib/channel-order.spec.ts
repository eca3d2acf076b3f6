import { Channel } from 'stream-chat';
import { channelState, loadChannels, offlineClient } from '../../../../jest/offline-stream-chat';
import { ChannelOrder } from './channel-order';

describe('ChannelOrder', () => {
  const client = offlineClient('me');
  const ids = (channels: Channel[]) => channels.map((channel) => channel.id);
  const channelsOf = (...names: string[]) =>
    loadChannels(
      client,
      names.map((name) => channelState(client, name)),
    );

  it('applies raises in one new array when read, the latest raised on top', () => {
    const first = channelsOf('a', 'b', 'c', 'd');
    const order = new ChannelOrder(first);

    order.raise('messaging:c');
    order.raise('messaging:a');
    order.raise('messaging:c');
    order.raise('messaging:d');

    expect(ids(order.channels)).toEqual(['d', 'c', 'a', 'b']);
    expect(ids(first)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the array while nothing changed, and ignores unlisted or missing cids', () => {
    const order = new ChannelOrder(channelsOf('a', 'b'));
    const read = order.channels;
    order.raise('messaging:zzz');
    order.raise(undefined);
    order.touch('messaging:zzz');
    expect(order.channels).toBe(read);
  });

  it('hands out a new array in the same order after a touch', () => {
    const order = new ChannelOrder(channelsOf('a', 'b'));
    const read = order.channels;
    order.touch('messaging:b');
    expect(order.channels).not.toBe(read);
    expect(order.channels).toEqual(read);
  });

  it('counts membership changes, not order changes', () => {
    const order = new ChannelOrder(channelsOf('a', 'b'));
    const membership = order.membership;
    order.raise('messaging:b');
    void order.channels;
    expect(order.membership).toBe(membership);

    const b = order.find('messaging:b') as Channel;
    order.raise('messaging:a');
    order.replace([b]);
    expect(order.membership).toBe(membership + 1);
    expect(ids(order.channels)).toEqual(['b']);
    expect(order.find('messaging:a')).toBeUndefined();
    expect(order.find('messaging:b')).toBe(b);
  });
});
