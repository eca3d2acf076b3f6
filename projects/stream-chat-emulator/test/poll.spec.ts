import { DEFAULT_POLL_TIMEOUT_MS, poll } from './poll';

describe('poll', () => {
  it('resolves at once with a truthy value, without waiting', async () => {
    const started = Date.now();
    const value: { id: string } = await poll(() => ({ id: 'a' }), { description: 'a value' });
    expect(value).toEqual({ id: 'a' });
    expect(Date.now() - started).toBeLessThan(50);
  });

  it('retries a sync condition until it holds, and resolves with the first truthy value', async () => {
    let calls = 0;
    const value: number = await poll(() => (++calls >= 3 ? calls : 0), {
      description: 'three calls',
      intervalMs: 1,
    });
    expect(value).toBe(3);
    expect(calls).toBe(3);
  });

  it('retries an async condition, and one that throws or rejects, until it holds', async () => {
    let calls = 0;
    const value: string = await poll(
      async () => {
        calls++;
        if (calls === 1) {
          throw new Error('not yet');
        }
        return calls === 2 ? Promise.reject(new Error('still not')) : 'done';
      },
      { description: 'done', intervalMs: 1 },
    );
    expect(value).toBe('done');
    expect(calls).toBe(3);
  });

  it('narrows the type to the truthy members', async () => {
    const found: string = await poll((): string | undefined => 'x', { description: 'x' });
    const held: true = await poll(() => Math.random() < 2, { description: 'true' });
    expect([found, held]).toEqual(['x', true]);
  });

  it('pauses intervalMs between attempts', async () => {
    const times: number[] = [];
    await poll(() => times.push(Date.now()) >= 3, { description: 'three', intervalMs: 40 });
    expect(times).toHaveLength(3);
    expect(times[2] - times[0]).toBeGreaterThanOrEqual(70);
  });

  it('rejects after timeoutMs, naming the description and the last value', async () => {
    let calls = 0;
    const started = Date.now();
    await expect(
      poll(() => (calls++, { ready: false }.ready), {
        description: 'the thing to be ready',
        timeoutMs: 100,
        intervalMs: 10,
      }),
    ).rejects.toThrow(
      'Timed out after 100 ms waiting for the thing to be ready; the last value was false',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(calls).toBeGreaterThan(2);
  });

  it('reports the last value as JSON, shortened when long', async () => {
    await expect(poll(() => '', { description: 'text', timeoutMs: 0 })).rejects.toThrow(
      'waiting for text; the last value was ""',
    );
    await expect(poll(() => null, { description: 'x', timeoutMs: 0 })).rejects.toThrow(
      'the last value was null',
    );
    await expect(poll(() => undefined, { description: 'x', timeoutMs: 0 })).rejects.toThrow(
      'the last value was undefined',
    );
    await expect(poll(() => 0n, { description: 'x', timeoutMs: 0 })).rejects.toThrow(
      'the last value was 0n',
    );
    const error = await poll(
      () => {
        throw { long: 'a'.repeat(300) };
      },
      { description: 'x', timeoutMs: 0 },
    ).catch((caught: Error) => caught);
    expect((error as Error).message).toBe(
      `Timed out after 0 ms waiting for x; the last attempt threw {"long":"${'a'.repeat(191)}…`,
    );
  });

  it('rejects after timeoutMs with the last error, also as the cause', async () => {
    const last = new TypeError('no socket');
    const error = await poll(
      () => {
        throw last;
      },
      { description: 'a socket', timeoutMs: 30, intervalMs: 5 },
    ).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'Timed out after 30 ms waiting for a socket; the last attempt threw TypeError: no socket',
    );
    expect((error as Error).cause).toBe(last);
  });

  it('calls a description function only on timeout, and awaits it', async () => {
    let state = 'starting';
    const describe = jest.fn(async () => `ready, but it is ${state}`);
    await poll(() => true, { description: describe });
    expect(describe).not.toHaveBeenCalled();
    const pending = poll(() => false, { description: describe, timeoutMs: 30 });
    state = 'stuck';
    await expect(pending).rejects.toThrow('waiting for ready, but it is stuck;');
    expect(describe).toHaveBeenCalledTimes(1);
  });

  it('makes a last attempt at the deadline', async () => {
    const started = Date.now();
    const value = await poll(() => Date.now() - started >= 50, {
      description: 'the deadline',
      timeoutMs: 50,
      intervalMs: 1000,
    });
    expect(value).toBe(true);
  });

  it('waits 10 s by default', () => {
    expect(DEFAULT_POLL_TIMEOUT_MS).toBe(10_000);
  });
});
