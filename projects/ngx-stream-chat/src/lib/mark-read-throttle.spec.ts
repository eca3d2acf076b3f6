import type { Channel } from 'stream-chat';
import { channelState, loadChannels, offlineClient } from '../../../../jest/offline-stream-chat';
import { MarkReadThrottle, canMarkRead } from './mark-read-throttle';

describe('canMarkRead', () => {
  const channelWith = (options: Parameters<typeof channelState>[2]) => {
    const client = offlineClient();
    return loadChannels(client, [channelState(client, 'c', options)])[0];
  };

  it('allows channels with read events and the read-events capability', () => {
    expect(canMarkRead(channelWith({}))).toBe(true);
  });

  it('refuses channels whose type has no read events', () => {
    expect(canMarkRead(channelWith({ readEvents: false }))).toBe(false);
  });

  it('refuses channels where the user lacks the read-events capability', () => {
    expect(canMarkRead(channelWith({ capabilities: ['send-message'] }))).toBe(false);
  });

  it('allows channels without a capability list, as the client does', () => {
    const channel = channelWith({});
    channel.data = { ...channel.data, own_capabilities: undefined };
    expect(canMarkRead(channel)).toBe(true);
  });

  it('refuses channels the client let go of', () => {
    const channel = channelWith({});
    channel._disconnect();
    expect(canMarkRead(channel)).toBe(false);
  });
});

describe('MarkReadThrottle', () => {
  const one = { cid: 'one' } as Channel;
  const two = { cid: 'two' } as Channel;
  let sent: string[];
  let throttle: MarkReadThrottle;

  beforeEach(() => {
    jest.useFakeTimers();
    sent = [];
    throttle = new MarkReadThrottle(
      (channel) => sent.push(channel.cid),
      (work) => work(),
      1000,
    );
  });

  afterEach(() => jest.useRealTimers());

  it('sends the first request at once and folds later ones into one at the end', () => {
    throttle.request(one);
    expect(sent).toEqual(['one']);

    jest.advanceTimersByTime(100);
    throttle.request(one);
    throttle.request(two);
    throttle.request(one);
    expect(sent).toEqual(['one']);

    jest.advanceTimersByTime(899);
    expect(sent).toEqual(['one']);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual(['one', 'one']);

    jest.advanceTimersByTime(5000);
    expect(sent).toEqual(['one', 'one']);
    throttle.request(two);
    expect(sent).toEqual(['one', 'one', 'two']);
  });

  it('drops a queued request on cancel', () => {
    throttle.request(one);
    throttle.request(one);
    throttle.cancel();
    throttle.cancel();
    jest.advanceTimersByTime(5000);
    expect(sent).toEqual(['one']);
  });
});
