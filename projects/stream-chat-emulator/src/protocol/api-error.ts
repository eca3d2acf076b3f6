/**
 * Stream's numeric error codes, as the `stream-chat` client knows them
 * (`APIErrorCodes` in the client, plus code 5 which Stream uses for authentication errors).
 */
export const ErrorCode = {
  internal: -1,
  accessKey: 2,
  input: 4,
  authentication: 5,
  rateLimit: 9,
  doesNotExist: 16,
  notAllowed: 17,
  eventNotSupported: 18,
  payloadTooBig: 22,
  requestTimeout: 23,
  tokenExpired: 40,
  tokenNotValidYet: 41,
  tokenUsedBeforeIssuedAt: 42,
  tokenSignatureInvalid: 43,
} as const;

/** Where Stream documents its error codes; sent as `more_info` in every error. */
export const ERROR_MORE_INFO_URL = 'https://getstream.io/chat/docs/api_errors_response';

/** The JSON body of a Stream error, as the client reads it (`APIErrorResponse`). */
export interface ApiErrorBody {
  code: number;
  message: string;
  StatusCode: number;
  duration: string;
  more_info: string;
  details: unknown[];
}

/**
 * An error that the emulator answers with a Stream-shaped JSON body,
 * over HTTP (as the response) or over the WebSocket (as the `error` frame).
 */
export class ApiError extends Error {
  /**
   * @param code Stream's numeric error code, e.g. 4 for bad input.
   * @param status The HTTP status that goes with it, e.g. 400.
   * @param detail What went wrong, in words; the operation name is prefixed when the error is sent.
   */
  constructor(
    readonly code: number,
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  /**
   * The body Stream would send for this error.
   * @param operation The failing operation, e.g. `SendMessage`; Stream prefixes messages with it.
   * @param duration The formatted request duration, e.g. `0.42ms`.
   */
  toBody(operation: string, duration = ''): ApiErrorBody {
    return {
      code: this.code,
      message: `${operation} failed with error: "${this.detail}"`,
      StatusCode: this.status,
      duration,
      more_info: ERROR_MORE_INFO_URL,
      details: [],
    };
  }
}

/** Code 4, HTTP 400: the request is malformed or a field has the wrong type or value. */
export function inputError(detail: string): ApiError {
  return new ApiError(ErrorCode.input, 400, detail);
}

/** Code 17, HTTP 403: the caller may not do this. */
export function notAllowedError(detail: string): ApiError {
  return new ApiError(ErrorCode.notAllowed, 403, detail);
}

/** Code 16, HTTP 404: the addressed channel, message, user or endpoint does not exist. */
export function doesNotExistError(detail: string): ApiError {
  return new ApiError(ErrorCode.doesNotExist, 404, detail);
}

/** Code 5, HTTP 401: the request's credentials are missing or inconsistent. */
export function authenticationError(detail: string): ApiError {
  return new ApiError(ErrorCode.authentication, 401, detail);
}

/** Code 2, HTTP 401: the `api_key` is missing or unknown. */
export function accessKeyError(apiKey: string | undefined): ApiError {
  return new ApiError(
    ErrorCode.accessKey,
    401,
    apiKey ? `api_key not valid: ${apiKey}` : 'api_key not found in the request',
  );
}

/** Code 22, HTTP 413: the request body is larger than the limit. */
export function payloadTooBigError(limitBytes: number): ApiError {
  return new ApiError(
    ErrorCode.payloadTooBig,
    413,
    `request body is larger than the limit of ${limitBytes} bytes`,
  );
}

/** Code -1, HTTP 500 (or the given status): an internal error, real or injected. */
export function internalError(detail: string, status = 500): ApiError {
  return new ApiError(ErrorCode.internal, status, detail);
}
