import { ChannelRecord, MessageRecord } from './model';
import { isShownInChannel } from './read-states';

/** Message pagination as the client sends it (`messages: {limit, id_lt, ...}`), parsed. */
export interface MessagePage {
  limit: number;
  idLt?: string;
  idLte?: string;
  idGt?: string;
  idGte?: string;
  idAround?: string;
  createdAtBefore?: number;
  createdAtBeforeOrEqual?: number;
  createdAtAfter?: number;
  createdAtAfterOrEqual?: number;
  createdAtAround?: number;
}

/**
 * Selects a page of the channel's main-list messages (thread-only replies excluded),
 * oldest first, as Stream returns them: see {@link selectPage}. Without bounds the page is
 * the newest `limit` messages.
 */
export function selectMessagePage(channel: ChannelRecord, page: MessagePage): MessageRecord[] {
  return selectPage(channel.messages.filter(isShownInChannel), page);
}

/**
 * Selects a page of `messages` (oldest first), kept oldest first:
 * - "around" centres the page on a message (`id_around`) or a time (`created_at_around`);
 * - only "before" bounds (`id_lt`, `created_at_before`...) give the newest `limit` messages
 *   before them, only "after" bounds (`id_gt`, `created_at_after`...) the oldest after them;
 * - otherwise `direction` picks the end: `1` the oldest, `-1` the newest. When it is not
 *   given, a range with both kinds of bounds starts at its oldest and no bound gives the newest.
 * An id bound that names none of the messages gives an empty page.
 */
export function selectPage(
  messages: MessageRecord[],
  page: MessagePage,
  direction?: 1 | -1,
): MessageRecord[] {
  if (page.limit <= 0) {
    return [];
  }
  const aroundIndex = findAroundIndex(messages, page);
  if (aroundIndex !== undefined) {
    if (aroundIndex < 0) {
      return [];
    }
    const before = Math.floor((page.limit - 1) / 2);
    const start = Math.max(0, Math.min(aroundIndex - before, messages.length - page.limit));
    return messages.slice(start, start + page.limit);
  }
  let lower = 0;
  let upper = messages.length;
  const bound = (id: string | undefined, apply: (index: number) => void): boolean => {
    if (id === undefined) {
      return true;
    }
    const index = messages.findIndex((message) => message.id === id);
    if (index < 0) {
      return false;
    }
    apply(index);
    return true;
  };
  const found =
    bound(page.idLt, (index) => (upper = Math.min(upper, index))) &&
    bound(page.idLte, (index) => (upper = Math.min(upper, index + 1))) &&
    bound(page.idGt, (index) => (lower = Math.max(lower, index + 1))) &&
    bound(page.idGte, (index) => (lower = Math.max(lower, index)));
  if (!found) {
    return [];
  }
  const time = (message: MessageRecord) => Date.parse(message.createdAt);
  const inRange = messages
    .slice(lower, upper)
    .filter(
      (message) =>
        (page.createdAtBefore === undefined || time(message) < page.createdAtBefore) &&
        (page.createdAtBeforeOrEqual === undefined ||
          time(message) <= page.createdAtBeforeOrEqual) &&
        (page.createdAtAfter === undefined || time(message) > page.createdAtAfter) &&
        (page.createdAtAfterOrEqual === undefined || time(message) >= page.createdAtAfterOrEqual),
    );
  const hasAfter = [page.idGt, page.idGte, page.createdAtAfter, page.createdAtAfterOrEqual].some(
    (value) => value !== undefined,
  );
  const hasBefore = [page.idLt, page.idLte, page.createdAtBefore, page.createdAtBeforeOrEqual].some(
    (value) => value !== undefined,
  );
  const oldestFirst = hasAfter !== hasBefore ? hasAfter : (direction ?? (hasAfter ? 1 : -1)) === 1;
  return oldestFirst ? inRange.slice(0, page.limit) : inRange.slice(-page.limit);
}

/** Index of the message to centre on, -1 when the id is unknown, `undefined` when not asked. */
function findAroundIndex(shown: MessageRecord[], page: MessagePage): number | undefined {
  if (page.idAround !== undefined) {
    return shown.findIndex((message) => message.id === page.idAround);
  }
  if (page.createdAtAround !== undefined) {
    const target = page.createdAtAround;
    const index = shown.findIndex((message) => Date.parse(message.createdAt) >= target);
    return index < 0 ? shown.length - 1 : index;
  }
  return undefined;
}
