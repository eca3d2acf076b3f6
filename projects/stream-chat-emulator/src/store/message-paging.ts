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
 * oldest first, as Stream returns them:
 * - "before" bounds (`id_lt`, `created_at_before`...) give the newest `limit` older messages;
 * - "after" bounds (`id_gt`, `created_at_after`...) give the oldest `limit` newer messages;
 * - "around" centres the page on a message or a time;
 * - no bound gives the newest `limit` messages.
 * An id bound that names no message of the channel gives an empty page.
 */
export function selectMessagePage(channel: ChannelRecord, page: MessagePage): MessageRecord[] {
  const shown = channel.messages.filter(isShownInChannel);
  if (page.limit <= 0) {
    return [];
  }
  const aroundIndex = findAroundIndex(shown, page);
  if (aroundIndex !== undefined) {
    if (aroundIndex < 0) {
      return [];
    }
    const before = Math.floor((page.limit - 1) / 2);
    const start = Math.max(0, Math.min(aroundIndex - before, shown.length - page.limit));
    return shown.slice(start, start + page.limit);
  }
  let lower = 0;
  let upper = shown.length;
  const bound = (id: string | undefined, apply: (index: number) => void): boolean => {
    if (id === undefined) {
      return true;
    }
    const index = shown.findIndex((message) => message.id === id);
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
  const inRange = shown
    .slice(lower, upper)
    .filter(
      (message) =>
        (page.createdAtBefore === undefined || time(message) < page.createdAtBefore) &&
        (page.createdAtBeforeOrEqual === undefined ||
          time(message) <= page.createdAtBeforeOrEqual) &&
        (page.createdAtAfter === undefined || time(message) > page.createdAtAfter) &&
        (page.createdAtAfterOrEqual === undefined || time(message) >= page.createdAtAfterOrEqual),
    );
  const afterBound =
    page.idGt !== undefined ||
    page.idGte !== undefined ||
    page.createdAtAfter !== undefined ||
    page.createdAtAfterOrEqual !== undefined;
  return afterBound ? inRange.slice(0, page.limit) : inRange.slice(-page.limit);
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
