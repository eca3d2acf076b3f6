import type { ChatMessage } from 'ngx-stream-chat';
import { dayKey } from '../shared/day-label';

/** Messages of one author this close together (and on the same day) share one header. */
export const GROUP_GAP_MS = 5 * 60_000;

/** A day separator ("Today"), before the first message of each day. */
export interface DayRow {
  kind: 'day';
  key: string;
  date: Date;
}

/** The "New messages" separator, before the first message the user had not read. */
export interface UnreadRow {
  kind: 'unread';
  key: 'unread';
}

/** A message, and where it stands in its author's group. */
export interface MessageRow {
  kind: 'message';
  key: string;
  message: ChatMessage;
  /** Whether the connected user sent it. */
  own: boolean;
  /** Whether it opens a group: the avatar, name and time are shown with it. */
  first: boolean;
  /** Whether it closes a group. */
  last: boolean;
}

/** One row of the message list. */
export type ListRow = DayRow | UnreadRow | MessageRow;

/** What `messageRows()` needs besides the messages. */
export interface RowOptions {
  /** The connected user's id. */
  ownUserId: string | undefined;
  /** When the user last read the channel (when it was opened); no unread separator if unset. */
  lastRead?: Date;
}

function timeOf(message: ChatMessage): Date | undefined {
  const at = message.created_at;
  if (!at) {
    return undefined;
  }
  const date = at instanceof Date ? at : new Date(at);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The rows of a message list, oldest first: a day separator before each day's first message,
 * the unread separator before the first message of someone else sent after `lastRead`, and the
 * messages grouped by author (consecutive, same day, at most `GROUP_GAP_MS` apart, no separator
 * between them). System messages stand alone.
 */
export function messageRows(messages: readonly ChatMessage[], options: RowOptions): ListRow[] {
  const rows: ListRow[] = [];
  let previous: { message: ChatMessage; time: Date | undefined; row: MessageRow } | undefined;
  let unreadPlaced = false;
  for (const message of messages) {
    const time = timeOf(message);
    const own = !!options.ownUserId && message.user?.id === options.ownUserId;
    let separated = false;
    if (time && (!previous?.time || dayKey(previous.time) !== dayKey(time))) {
      rows.push({ kind: 'day', key: `day-${dayKey(time)}`, date: time });
      separated = true;
    }
    if (
      !unreadPlaced &&
      options.lastRead &&
      !own &&
      message.type !== 'system' &&
      time &&
      time > options.lastRead
    ) {
      rows.push({ kind: 'unread', key: 'unread' });
      unreadPlaced = true;
      separated = true;
    }
    const continues =
      !separated &&
      !!previous &&
      message.type !== 'system' &&
      previous.message.type !== 'system' &&
      !!message.user?.id &&
      previous.message.user?.id === message.user.id &&
      !!time &&
      !!previous.time &&
      time.getTime() - previous.time.getTime() <= GROUP_GAP_MS;
    if (previous && !continues) {
      previous.row.last = true;
    }
    const row: MessageRow = {
      kind: 'message',
      key: message.id,
      message,
      own,
      first: !continues,
      last: false,
    };
    rows.push(row);
    previous = { message, time, row };
  }
  if (previous) {
    previous.row.last = true;
  }
  return rows;
}
