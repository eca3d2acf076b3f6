import { StreamChatError, StreamChatErrorKind } from './stream-chat-errors';

/** The fields `stream-chat` puts on its errors, whichever way it reports them. */
interface VendorErrorFields {
  code?: number;
  status?: number;
  message: string;
  isWSFailure?: boolean;
}

/** What each kind means for the developer, and what to do about it. */
const advice: Record<StreamChatErrorKind, string> = {
  'token-expired':
    'The token has expired. Pass a token provider to init() so the library can fetch fresh tokens.',
  'invalid-token':
    'The token was refused. Sign it on your server with the app secret for this API key, for this user id.',
  'token-provider-failed':
    'The token provider failed. Check the call to your backend inside the provider.',
  'invalid-api-key': 'The API key is unknown to the server. Check the key and the baseURL option.',
  network: 'The chat server could not be reached. Check the baseURL option and the network.',
  'not-allowed': 'The server does not allow this user to do that.',
  'invalid-input': 'The server refused the request as invalid.',
  superseded: 'A later call took over.',
  'feature-not-provided': 'Add the feature to provideStreamChat().',
  unknown: 'The server reported an error.',
};

/** Reads the code, status and message out of any error `stream-chat` throws. */
function readVendorError(error: unknown): VendorErrorFields {
  if (!(error instanceof Error)) {
    return { message: String(error) };
  }
  const fields = error as Error & { code?: unknown; status?: unknown; response?: unknown };
  // WebSocket connect failures carry their details as a JSON string in `message`.
  if (error.message.startsWith('{')) {
    try {
      const parsed = JSON.parse(error.message) as Record<string, unknown>;
      return {
        code: typeof parsed['code'] === 'number' ? parsed['code'] : undefined,
        status: typeof parsed['StatusCode'] === 'number' ? parsed['StatusCode'] : undefined,
        message: String(parsed['message'] ?? error.message),
        isWSFailure: parsed['isWSFailure'] === true,
      };
    } catch {
      // Not JSON after all: fall through to the plain error.
    }
  }
  return {
    code: typeof fields.code === 'number' ? fields.code : undefined,
    status: typeof fields.status === 'number' ? fields.status : undefined,
    message: error.message,
    // Axios errors without a response never reached the server.
    isWSFailure: error.name === 'AxiosError' && !fields.response,
  };
}

/** Which kind a vendor error is. */
function kindOf({ code, status, message, isWSFailure }: VendorErrorFields): StreamChatErrorKind {
  if (message.includes('Call to tokenProvider failed')) return 'token-provider-failed';
  if (message.includes('userToken does not have a user_id')) return 'invalid-token';
  if (code === 40) return 'token-expired';
  if (code === 41 || code === 42 || code === 43 || code === 5) return 'invalid-token';
  if (code === 2) return 'invalid-api-key';
  if (code === 17 || status === 403) return 'not-allowed';
  if (code === 4 || code === 22) return 'invalid-input';
  if (isWSFailure || message.includes('could not be established') || message === 'Network Error') {
    return 'network';
  }
  return 'unknown';
}

/**
 * The library's own error that a token provider wrapped by the library rejected with, which
 * `stream-chat` wraps in its "Call to tokenProvider failed" error.
 */
function libraryTokenProviderError(error: unknown): StreamChatError | undefined {
  return error instanceof Error &&
    error.cause instanceof StreamChatError &&
    error.message.includes('Call to tokenProvider failed')
    ? error.cause
    : undefined;
}

/**
 * Turns an error thrown by `stream-chat` into a `StreamChatError` that says what to do,
 * keeping the original as `cause`. A `StreamChatError` passes through unchanged, also when
 * `stream-chat` wrapped one from a token provider (such as a provider that did not answer in time).
 */
export function fromVendorError(error: unknown, during: string): StreamChatError {
  if (error instanceof StreamChatError) {
    return error;
  }
  const libraryError = libraryTokenProviderError(error);
  if (libraryError) {
    return libraryError;
  }
  const fields = readVendorError(error);
  const kind = kindOf(fields);
  const code = fields.code !== undefined ? ` (code ${fields.code})` : '';
  return new StreamChatError(
    kind,
    `${during} failed${code}: ${advice[kind]} Server said: ${fields.message}`,
    { code: fields.code, status: fields.status, cause: error },
  );
}
