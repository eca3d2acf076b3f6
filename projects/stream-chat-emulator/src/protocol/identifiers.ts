import { inputError } from './api-error';

/** Channel ids: letters, digits, `_`, `-` and `!` (the client's own check), at most 64. */
export const CHANNEL_ID_PATTERN = /^[\w!-]{1,64}$/;

/** Channel types: letters, digits, `_` and `-` (the client's own check), at most 64. */
export const CHANNEL_TYPE_PATTERN = /^[\w-]{1,64}$/;

/** User ids: letters, digits, `@`, `_` and `-`, at most 255 (`!anon` is reserved). */
export const USER_ID_PATTERN = /^[@\w-]{1,255}$/;

/** Message ids: letters, digits, `_`, `-` and `!`, at most 255 (client ids are UUIDs). */
export const MESSAGE_ID_PATTERN = /^[\w!-]{1,255}$/;

/** The user id every anonymous connection acts as. */
export const ANONYMOUS_USER_ID = '!anon';

/** Whether `value` is a valid channel id. */
export function isChannelId(value: unknown): value is string {
  return typeof value === 'string' && CHANNEL_ID_PATTERN.test(value);
}

/** Whether `value` is a valid channel type name. */
export function isChannelType(value: unknown): value is string {
  return typeof value === 'string' && CHANNEL_TYPE_PATTERN.test(value);
}

/** Whether `value` is a valid user id. */
export function isUserId(value: unknown): value is string {
  return typeof value === 'string' && USER_ID_PATTERN.test(value);
}

/** Whether `value` is a valid message id. */
export function isMessageId(value: unknown): value is string {
  return typeof value === 'string' && MESSAGE_ID_PATTERN.test(value);
}

/**
 * The value as a user id, checked the same way on every path (REST, WebSocket, guests).
 * @param what names the value in the error, e.g. `user_id`.
 * @throws ApiError code 4 when it is not a valid user id.
 */
export function requireUserId(value: unknown, what = 'user_id'): string {
  if (!isUserId(value)) {
    throw inputError(
      `${what} ${JSON.stringify(value)} is not valid: it must match /^[@\\w-]{1,255}$/`,
    );
  }
  return value;
}
