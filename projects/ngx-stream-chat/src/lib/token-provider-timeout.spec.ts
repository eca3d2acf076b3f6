import { StreamChatError } from './stream-chat-errors';
import {
  DEFAULT_TOKEN_PROVIDER_TIMEOUT_MS,
  timeLimitedTokenProvider,
  tokenProviderTimeout,
} from './token-provider-timeout';

const never = () => new Promise<string>(() => undefined);

describe('timeLimitedTokenProvider', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('answers with the provider token and clears its timer', async () => {
    const timed = timeLimitedTokenProvider(async () => 'token', 50);

    await expect(timed.provider()).resolves.toBe('token');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('passes the provider error through unchanged', async () => {
    const failure = new Error('backend down');
    const timed = timeLimitedTokenProvider(async () => Promise.reject(failure), 50);

    await expect(timed.provider()).rejects.toBe(failure);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('rejects a call that does not answer in time with token-provider-failed', async () => {
    const timed = timeLimitedTokenProvider(never, 250);
    const settled = jest.fn();
    const call = timed.provider().catch((e: unknown) => {
      settled();
      return e;
    });

    await jest.advanceTimersByTimeAsync(249);
    expect(settled).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);

    const error = await call;
    expect(error).toBeInstanceOf(StreamChatError);
    expect(error).toMatchObject({ kind: 'token-provider-failed' });
    expect((error as Error).message).toMatch(/did not answer within 250 ms/);
    expect((error as Error).message).toMatch(/tokenProviderTimeoutMs/);
  });

  it('ignores a late answer', async () => {
    let answer: (token: string) => void = () => undefined;
    const timed = timeLimitedTokenProvider(() => new Promise((r) => (answer = r)), 10);
    const call = timed.provider().catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(10);
    answer('late');

    expect(await call).toMatchObject({ kind: 'token-provider-failed' });
  });

  it('times every call on its own', async () => {
    let calls = 0;
    const timed = timeLimitedTokenProvider(
      () => (++calls === 1 ? never() : Promise.resolve('second')),
      10,
    );
    const first = timed.provider().catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(10);

    expect(await first).toMatchObject({ kind: 'token-provider-failed' });
    await expect(timed.provider()).resolves.toBe('second');
  });

  it('rejects pending and later calls at once when abandoned, leaving no timer', async () => {
    const timed = timeLimitedTokenProvider(never, 10_000);
    const pending = timed.provider();

    timed.abandon();
    timed.abandon();

    await expect(pending).rejects.toMatchObject({ kind: 'superseded' });
    await expect(timed.provider()).rejects.toMatchObject({ kind: 'superseded' });
    expect(jest.getTimerCount()).toBe(0);
  });

  it('sets no timer for Infinity', async () => {
    const timed = timeLimitedTokenProvider(never, Infinity);
    const pending = timed.provider();

    expect(jest.getTimerCount()).toBe(0);
    timed.abandon();
    await expect(pending).rejects.toMatchObject({ kind: 'superseded' });
  });
});

describe('tokenProviderTimeout', () => {
  it('defaults to 10 seconds and keeps a configured value', () => {
    expect(DEFAULT_TOKEN_PROVIDER_TIMEOUT_MS).toBe(10_000);
    expect(tokenProviderTimeout(undefined)).toBe(10_000);
    expect(tokenProviderTimeout(250)).toBe(250);
    expect(tokenProviderTimeout(Infinity)).toBe(Infinity);
  });

  it.each([0, -1, NaN, '100', null])('refuses %p with invalid-input', (value) => {
    expect(() => tokenProviderTimeout(value)).toThrow(
      expect.objectContaining({ kind: 'invalid-input' }) as Error,
    );
  });
});
