import type { Channel } from 'stream-chat';
import { DEFAULT_MAX_MESSAGE_LENGTH, maxMessageLength, showsLengthCounter } from './message-length';

const channelWithConfig = (config: Record<string, unknown> | undefined) =>
  ({ getConfig: () => config }) as unknown as Channel;

describe('maxMessageLength', () => {
  it("is the channel config's max_message_length", () => {
    expect(maxMessageLength(channelWithConfig({ max_message_length: 280 }))).toBe(280);
  });

  it('is 5000 without a config, a channel or a usable limit', () => {
    expect(maxMessageLength(channelWithConfig(undefined))).toBe(DEFAULT_MAX_MESSAGE_LENGTH);
    expect(maxMessageLength(undefined)).toBe(5000);
    expect(maxMessageLength(channelWithConfig({ max_message_length: 0 }))).toBe(5000);
  });
});

describe('showsLengthCounter', () => {
  it('shows from 80 % of the limit', () => {
    expect(showsLengthCounter(79, 100)).toBe(false);
    expect(showsLengthCounter(80, 100)).toBe(true);
    expect(showsLengthCounter(120, 100)).toBe(true);
  });
});
