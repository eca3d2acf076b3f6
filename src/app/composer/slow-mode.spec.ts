import type { Channel } from 'stream-chat';
import { cooldownOf, cooldownSecondsLeft } from './slow-mode';

const channelWith = (data: Record<string, unknown>) => ({ data }) as unknown as Channel;

describe('cooldownOf', () => {
  it("is the channel's cooldown", () => {
    expect(cooldownOf(channelWith({ cooldown: 30, own_capabilities: ['slow-mode'] }))).toBe(30);
  });

  it('is 0 when slow mode is off, or for users who skip it', () => {
    expect(cooldownOf(channelWith({}))).toBe(0);
    expect(cooldownOf(undefined)).toBe(0);
    expect(cooldownOf(channelWith({ cooldown: 30, own_capabilities: ['skip-slow-mode'] }))).toBe(0);
  });
});

describe('cooldownSecondsLeft', () => {
  const sent = new Date('2024-05-01T10:00:00.000Z');
  const at = (ms: number) => sent.getTime() + ms;

  it('counts down whole seconds, rounded up', () => {
    expect(cooldownSecondsLeft(30, sent, at(0))).toBe(30);
    expect(cooldownSecondsLeft(30, sent, at(100))).toBe(30);
    expect(cooldownSecondsLeft(30, sent, at(1000))).toBe(29);
    expect(cooldownSecondsLeft(30, sent, at(29_001))).toBe(1);
    expect(cooldownSecondsLeft(30, sent, at(30_000))).toBe(0);
  });

  it('is 0 without a cooldown or a last message, and never above the cooldown', () => {
    expect(cooldownSecondsLeft(0, sent, at(0))).toBe(0);
    expect(cooldownSecondsLeft(30, undefined, at(0))).toBe(0);
    expect(cooldownSecondsLeft(30, sent, at(-5000))).toBe(30);
  });
});
