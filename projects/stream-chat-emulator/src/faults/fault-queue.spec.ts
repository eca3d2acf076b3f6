import { RunQueue } from './fault-queue';
import { RequestFaults } from './request-faults';

describe('RunQueue', () => {
  it('gives values back first in, first out, run by run', () => {
    const queue = new RunQueue<number>();
    queue.push(500, 2);
    queue.push(429);
    queue.push(503, 0);
    expect(queue.size).toBe(3);
    expect([queue.take(), queue.take(), queue.take(), queue.take()]).toEqual([
      500,
      500,
      429,
      undefined,
    ]);
    expect(queue.size).toBe(0);
    queue.push(7, 1);
    expect(queue.take()).toBe(7);
  });

  it('matches a plain array queue over many interleaved runs', () => {
    const queue = new RunQueue<number>();
    const reference: number[] = [];
    for (let step = 0; step < 5000; step++) {
      if (step % 3 === 0) {
        const count = step % 7;
        queue.push(step, count);
        reference.push(...Array<number>(count).fill(step));
      } else {
        expect(queue.take()).toBe(reference.shift());
      }
    }
    expect(queue.size).toBe(reference.length);
    queue.clear();
    expect(queue.take()).toBeUndefined();
  });

  it('holds half a million queued faults as one run and takes them one by one', () => {
    const faults = new RequestFaults();
    faults.failNext(500_000, 503);
    faults.delayNext(2, 10);
    const taken = Array.from({ length: 50_000 }, () => faults.take());
    expect(taken[0]).toEqual({ delayMs: 10, failStatus: 503 });
    expect(taken[2]).toEqual({ delayMs: 0, failStatus: 503 });
    expect(taken.every((fault) => fault.failStatus === 503)).toBe(true);
    faults.clear();
    expect(faults.take()).toEqual({ delayMs: 0, failStatus: undefined });
  });
});
