import { messageIndexOf } from './message-index';
import { ChannelRecord, MessageRecord } from './model';
import { MessageTest, OrderedMessages } from './ordered-messages';

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
 * the newest `limit` messages. Costs O(log n + page size) on the channel's index.
 * @param accept when given, only the messages it accepts count (e.g. a caller's hidden history).
 */
export function selectMessagePage(
  channel: ChannelRecord,
  page: MessagePage,
  accept?: MessageTest,
): MessageRecord[] {
  const index = messageIndexOf(channel);
  return selectPage({ list: index.shown, find: (id) => index.get(id) }, page, undefined, accept);
}

/** An ordered list to page, with the lookup that resolves id cursors. */
export interface PagedMessages {
  /** The messages, oldest first. */
  list: OrderedMessages;
  /** The message with this id (membership of `list` is checked separately). */
  find(id: string): MessageRecord | undefined;
}

/** Wraps a plain array (oldest first) for {@link selectPage}: O(n), for small lists. */
export function pagedArray(messages: MessageRecord[]): PagedMessages {
  const byId = new Map(messages.map((message) => [message.id, message]));
  return { list: new OrderedMessages([...messages]), find: (id) => byId.get(id) };
}

/**
 * Selects a page of `messages` (oldest first), kept oldest first:
 * - "around" centres the page on a message (`id_around`) or a time (`created_at_around`);
 * - only "before" bounds (`id_lt`, `created_at_before`...) give the newest `limit` messages
 *   before them, only "after" bounds (`id_gt`, `created_at_after`...) the oldest after them;
 * - otherwise `direction` picks the end: `1` the oldest, `-1` the newest. When it is not
 *   given, a range with both kinds of bounds starts at its oldest and no bound gives the newest.
 * An id bound that names none of the (accepted) messages gives an empty page.
 * Cursors are found by binary search, so a page costs O(log n + page size) (plus the
 * messages `accept` turns down on the way).
 */
export function selectPage(
  messages: PagedMessages,
  page: MessagePage,
  direction?: 1 | -1,
  accept: MessageTest = () => true,
): MessageRecord[] {
  if (page.limit <= 0) {
    return [];
  }
  const { list } = messages;
  const positionOf = (id: string): number => {
    const message = messages.find(id);
    return message && accept(message) ? list.positionOf(message) : -1;
  };
  const aroundIndex = findAroundIndex(messages, page, accept, positionOf);
  if (aroundIndex !== undefined) {
    return aroundIndex < 0 ? [] : pageAround(list, aroundIndex, page.limit, accept);
  }
  let lower = 0;
  let upper = list.end;
  const bound = (id: string | undefined, apply: (index: number) => void): boolean => {
    if (id === undefined) {
      return true;
    }
    const index = positionOf(id);
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
  if (page.createdAtBefore !== undefined) {
    upper = Math.min(upper, list.firstAtOrAfter(page.createdAtBefore));
  }
  if (page.createdAtBeforeOrEqual !== undefined) {
    upper = Math.min(upper, list.firstAfter(page.createdAtBeforeOrEqual));
  }
  if (page.createdAtAfter !== undefined) {
    lower = Math.max(lower, list.firstAfter(page.createdAtAfter));
  }
  if (page.createdAtAfterOrEqual !== undefined) {
    lower = Math.max(lower, list.firstAtOrAfter(page.createdAtAfterOrEqual));
  }
  const hasAfter = [page.idGt, page.idGte, page.createdAtAfter, page.createdAtAfterOrEqual].some(
    (value) => value !== undefined,
  );
  const hasBefore = [page.idLt, page.idLte, page.createdAtBefore, page.createdAtBeforeOrEqual].some(
    (value) => value !== undefined,
  );
  const oldestFirst = hasAfter !== hasBefore ? hasAfter : (direction ?? (hasAfter ? 1 : -1)) === 1;
  return oldestFirst
    ? list.walk(lower, 1, page.limit, upper, accept, lower)
    : list.walk(upper - 1, -1, page.limit, upper, accept, lower).reverse();
}

/**
 * The page of `limit` accepted messages around position `center`: up to `limit / 2` (rounded
 * down) before it, the rest from it on, so the message sits at the page's midpoint where the
 * client looks for it (`messagePaginationIdAround`); near an end, the page shifts to stay full.
 */
function pageAround(
  list: OrderedMessages,
  center: number,
  limit: number,
  accept: MessageTest,
): MessageRecord[] {
  const wantedBefore = Math.floor(limit / 2);
  let before = list.walk(center - 1, -1, wantedBefore, list.end, accept);
  const from = list.walk(center, 1, limit - before.length, list.end, accept);
  if (before.length + from.length < limit && before.length === wantedBefore) {
    before = list.walk(center - 1, -1, limit - from.length, list.end, accept);
  }
  return [...before.reverse(), ...from];
}

/** Position of the message to centre on, -1 when there is none, `undefined` when not asked. */
function findAroundIndex(
  messages: PagedMessages,
  page: MessagePage,
  accept: MessageTest,
  positionOf: (id: string) => number,
): number | undefined {
  const { list } = messages;
  if (page.idAround !== undefined) {
    return positionOf(page.idAround);
  }
  if (page.createdAtAround !== undefined) {
    const first = list.walk(list.firstAtOrAfter(page.createdAtAround), 1, 1, list.end, accept)[0];
    const target = first ?? list.walk(list.end - 1, -1, 1, list.end, accept)[0];
    return target ? list.positionOf(target) : -1;
  }
  return undefined;
}
