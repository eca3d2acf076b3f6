import { inputError } from '../protocol/api-error';
import { MessagePage } from '../store/message-paging';
import {
  JsonObject,
  optionalInteger,
  optionalObject,
  optionalString,
} from '../protocol/body-fields';

/** Messages per channel in `POST /channels` when `message_limit` is not sent (the client's assumption). */
export const DEFAULT_QUERY_CHANNELS_MESSAGE_LIMIT = 25;
/** Messages in `channel.query` when `messages.limit` is not sent (the client's assumption). */
export const DEFAULT_CHANNEL_QUERY_MESSAGE_LIMIT = 100;
/** Most messages one page may hold. */
export const MAX_MESSAGE_LIMIT = 300;
/** Members listed per channel when no limit is sent. */
export const DEFAULT_MEMBER_LIMIT = 100;
/** Watchers listed per channel when no limit is sent. */
export const DEFAULT_WATCHER_LIMIT = 100;

/**
 * Parses message pagination (`{limit, id_lt, id_lte, id_gt, id_gte, id_around,
 * created_at_before[_or_equal], created_at_after[_or_equal], created_at_around}`).
 * @throws ApiError code 4 for wrong types.
 */
export function parseMessagePage(value: JsonObject | undefined, defaultLimit: number): MessagePage {
  const options = value ?? {};
  const date = (key: string): number | undefined => {
    const text = optionalString(options, key);
    if (text === undefined) {
      return undefined;
    }
    const time = Date.parse(text);
    if (!Number.isFinite(time)) {
      throw inputError(`messages.${key} must be an ISO-8601 date`);
    }
    return time;
  };
  return {
    limit: optionalInteger(options, 'limit', 0, MAX_MESSAGE_LIMIT) ?? defaultLimit,
    idLt: optionalString(options, 'id_lt'),
    idLte: optionalString(options, 'id_lte'),
    idGt: optionalString(options, 'id_gt'),
    idGte: optionalString(options, 'id_gte'),
    idAround: optionalString(options, 'id_around'),
    createdAtBefore: date('created_at_before'),
    createdAtBeforeOrEqual: date('created_at_before_or_equal'),
    createdAtAfter: date('created_at_after'),
    createdAtAfterOrEqual: date('created_at_after_or_equal'),
    createdAtAround: date('created_at_around'),
  };
}

/** Reads `{limit}` of a nested list option such as `members` or `watchers`. */
export function nestedLimit(body: JsonObject, key: string, fallback: number): number {
  const nested = optionalObject(body, key);
  return (nested && optionalInteger(nested, 'limit', 0, 1000)) ?? fallback;
}
