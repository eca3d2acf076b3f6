import { StreamChatError, tokenProviderTimeoutError } from './stream-chat-errors';
import { fromVendorError } from './vendor-error';

const wsError = (code: number | string, message: string, isWSFailure = false) =>
  new Error(JSON.stringify({ code, StatusCode: 401, message, isWSFailure }));

const httpError = (code: number, status: number) =>
  Object.assign(new Error(`StreamChat error code ${code}: failed`), { code, status });

describe('fromVendorError', () => {
  it.each([
    [wsError(40, 'token is expired'), 'token-expired', 40],
    [wsError(43, 'signature is not valid'), 'invalid-token', 43],
    [wsError(5, 'user_id mismatch'), 'invalid-token', 5],
    [wsError(2, 'api_key not found'), 'invalid-api-key', 2],
    [wsError('', 'initial WS connection could not be established', true), 'network', undefined],
    [httpError(17, 403), 'not-allowed', 17],
    [httpError(4, 400), 'invalid-input', 4],
    [httpError(99, 400), 'unknown', 99],
    [
      new Error('Call to tokenProvider failed with message: Error: down'),
      'token-provider-failed',
      undefined,
    ],
    [
      new Error('userToken does not have a user_id or is not matching with user.id'),
      'invalid-token',
      undefined,
    ],
  ])('maps %s to %s', (error, kind, code) => {
    const mapped = fromVendorError(error, 'init()');

    expect(mapped).toBeInstanceOf(StreamChatError);
    expect(mapped.kind).toBe(kind);
    expect(mapped.code).toBe(code);
    expect(mapped.cause).toBe(error);
    expect(mapped.message).toMatch(/^ngx-stream-chat: init\(\) failed/);
  });

  it('keeps the HTTP status of a WebSocket refusal', () => {
    expect(fromVendorError(wsError(43, 'bad'), 'init()').status).toBe(401);
  });

  it('treats an axios error without a response as a network error', () => {
    const axiosError = Object.assign(new Error('connect ECONNREFUSED'), { name: 'AxiosError' });

    expect(fromVendorError(axiosError, 'init()').kind).toBe('network');
  });

  it('passes a StreamChatError through unchanged', () => {
    const error = new StreamChatError('superseded', 'later call');

    expect(fromVendorError(error, 'init()')).toBe(error);
  });

  it('unwraps the library error a time-limited token provider rejected with', () => {
    const timeout = tokenProviderTimeoutError(250);
    const wrapped = new Error(`Call to tokenProvider failed with message: ${String(timeout)}`, {
      cause: timeout,
    });

    expect(fromVendorError(wrapped, 'init()')).toBe(timeout);
  });

  it('does not unwrap a StreamChatError cause of other vendor errors', () => {
    const wrapped = new Error('something else', { cause: tokenProviderTimeoutError(1) });

    expect(fromVendorError(wrapped, 'init()').cause).toBe(wrapped);
  });

  it('wraps values that are not errors', () => {
    expect(fromVendorError('boom', 'init()').kind).toBe('unknown');
  });
});
