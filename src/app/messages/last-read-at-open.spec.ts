import { fakeChannel } from 'ngx-stream-chat/testing';
import { LastReadAtOpen, lastReadOf } from './last-read-at-open';

describe('LastReadAtOpen', () => {
  const earlier = new Date(2026, 4, 1, 9, 0);
  const later = new Date(2026, 4, 1, 10, 0);

  it("reads the user's last read time from the channel's read state", () => {
    const channel = fakeChannel('general', { read: { alice: earlier } });
    expect(lastReadOf(channel, 'alice')).toEqual(earlier);
    expect(lastReadOf(channel, 'bob')).toBeUndefined();
    expect(lastReadOf(channel, undefined)).toBeUndefined();
  });

  it('keeps the time it saw when the channel was opened, after the channel is marked read', () => {
    const snapshot = new LastReadAtOpen();
    const channel = fakeChannel('general', { read: { alice: earlier } });
    expect(snapshot.observe(channel, 'alice')).toEqual(earlier);
    channel.state.read['alice'].last_read = later;
    expect(snapshot.observe(channel, 'alice')).toEqual(earlier);
  });

  it('starts over for another channel, and waits until a channel is loaded', () => {
    const snapshot = new LastReadAtOpen();
    snapshot.observe(fakeChannel('general', { read: { alice: earlier } }), 'alice');
    const loading = fakeChannel('random', { read: { alice: later }, initialized: false });
    expect(snapshot.observe(loading, 'alice')).toBeUndefined();
    (loading as { initialized: boolean }).initialized = true;
    expect(snapshot.observe(loading, 'alice')).toEqual(later);
    expect(snapshot.observe(undefined, 'alice')).toBeUndefined();
  });
});
