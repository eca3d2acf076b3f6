import { EMPTY_CHANNEL_SERVICE_STATE, keepIfSame, stateChanged } from './channel-service-state';

describe('channel service state helpers', () => {
  it('keeps the previous array when the items are the same', () => {
    const a = { id: 1 };
    const b = { id: 2 };
    const previous = [a, b];
    expect(keepIfSame(previous, [a, b])).toBe(previous);
    const reordered = [b, a];
    expect(keepIfSame(previous, reordered)).toBe(reordered);
    const longer = [a, b, a];
    expect(keepIfSame(previous, longer)).toBe(longer);
  });

  it('tells whether any field changed, by identity', () => {
    const state = EMPTY_CHANNEL_SERVICE_STATE;
    expect(stateChanged(state, { ...state })).toBe(false);
    expect(stateChanged(state, { ...state, hasMoreChannels: true })).toBe(true);
    expect(stateChanged(state, { ...state, activeChannelMessages: [] })).toBe(true);
  });
});
