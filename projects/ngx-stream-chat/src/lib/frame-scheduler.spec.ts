import { NgZone } from '@angular/core';
import { FrameScheduler } from './frame-scheduler';

describe('FrameScheduler', () => {
  const zone = { runOutsideAngular: <T>(work: () => T) => work() } as NgZone;

  afterEach(() => jest.useRealTimers());

  it('runs once for many schedules, on the next frame', async () => {
    const callback = jest.fn();
    const scheduler = new FrameScheduler(zone, callback);

    scheduler.schedule();
    scheduler.schedule();
    scheduler.schedule();
    expect(scheduler.isPending).toBe(true);
    expect(callback).not.toHaveBeenCalled();

    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    expect(callback).toHaveBeenCalledTimes(1);
    expect(scheduler.isPending).toBe(false);

    scheduler.schedule();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(callback).toHaveBeenCalledTimes(2);
  });

  it('runs within 100 ms when no frame comes (a hidden tab)', () => {
    jest.useFakeTimers({ doNotFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
    const frames = jest.spyOn(globalThis, 'requestAnimationFrame').mockReturnValue(1);
    const callback = jest.fn();
    new FrameScheduler(zone, callback).schedule();

    jest.advanceTimersByTime(99);
    expect(callback).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledTimes(1);
    frames.mockRestore();
  });

  it('drops a scheduled run on cancel', async () => {
    const callback = jest.fn();
    const scheduler = new FrameScheduler(zone, callback);
    scheduler.schedule();
    scheduler.cancel();
    scheduler.cancel();

    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(callback).not.toHaveBeenCalled();
  });

  it('sets its timers outside Angular', () => {
    const outside = jest.fn((work: () => unknown) => work());
    const scheduler = new FrameScheduler(
      { runOutsideAngular: outside } as unknown as NgZone,
      jest.fn(),
    );
    scheduler.schedule();
    expect(outside).toHaveBeenCalledTimes(1);
    scheduler.cancel();
  });
});
