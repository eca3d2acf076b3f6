import { TestBed } from '@angular/core/testing';
import { CLOCK_TICK_MS, Clock } from './clock';

describe('Clock', () => {
  afterEach(() => jest.useRealTimers());

  it('ticks every 30 s, and stops when the app is destroyed', () => {
    jest.useFakeTimers({ now: new Date(2026, 0, 1, 12, 0, 0) });
    const clock = TestBed.inject(Clock);
    expect(clock.now()).toEqual(new Date(2026, 0, 1, 12, 0, 0));
    jest.advanceTimersByTime(CLOCK_TICK_MS - 1);
    expect(clock.now()).toEqual(new Date(2026, 0, 1, 12, 0, 0));
    jest.advanceTimersByTime(1);
    expect(clock.now()).toEqual(new Date(2026, 0, 1, 12, 0, 30));
    TestBed.resetTestingModule();
    expect(jest.getTimerCount()).toBe(0);
  });
});
