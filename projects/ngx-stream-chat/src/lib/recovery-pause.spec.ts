import { RecoveryPause, retryDelay } from './recovery-pause';

describe('retryDelay', () => {
  it('doubles from the first pause up to the cap, shortened at random by up to a quarter', () => {
    const none = () => 0;
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelay(attempt, 250, 3000, none))).toEqual([
      250, 500, 1000, 2000, 3000, 3000,
    ]);
    expect(retryDelay(6, 250, 3000, () => 0.999)).toBe(2251);
    expect(retryDelay(0, 250, 3000, none)).toBe(250);
  });
});

describe('RecoveryPause', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ends after its time, or at once when woken', async () => {
    const pause = new RecoveryPause();
    const ended: string[] = [];
    void pause.sleep(1000).then(() => ended.push('timer'));
    await jest.advanceTimersByTimeAsync(999);
    expect(ended).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(ended).toEqual(['timer']);

    void pause.sleep(60_000).then(() => ended.push('woken'));
    pause.wake();
    await Promise.resolve();
    expect(ended).toEqual(['timer', 'woken']);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('after cancel(), ends the current pause and every later one at once, leaving no timer', async () => {
    const pause = new RecoveryPause();
    const ended: number[] = [];
    void pause.sleep(60_000).then(() => ended.push(1));
    pause.cancel();
    await pause.sleep(60_000);
    ended.push(2);
    pause.cancel();

    expect(ended).toEqual([1, 2]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
