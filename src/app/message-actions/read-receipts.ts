import { Injectable, Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ChatClientService, ChatMessage } from 'ngx-stream-chat';
import { filter, scan } from 'rxjs';
import type { Channel } from 'stream-chat';

/** The events after which `channel.state.read` may say something else. */
const READ_EVENT_TYPES: ReadonlySet<string> = new Set([
  'message.read',
  'notification.mark_read',
  'notification.mark_unread',
]);

/**
 * A counter that goes up after every read event of the connected user's client: the client
 * updates `channel.state.read` in place, so views that show receipts read `version()`.
 */
@Injectable({ providedIn: 'root' })
export class ReadChanges {
  /** Increases by one after each read event; 0 before the first. */
  readonly version: Signal<number> = toSignal(
    inject(ChatClientService).events$.pipe(
      filter(({ eventType }) => READ_EVENT_TYPES.has(eventType)),
      scan((count) => count + 1, 0),
    ),
    { initialValue: 0 },
  );
}

/** The newest message the connected user sent that the server has, or `undefined`. */
export function latestOwnMessage(
  messages: readonly ChatMessage[],
  ownUserId: string | undefined,
): ChatMessage | undefined {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index];
    if (ownUserId && message.user?.id === ownUserId) {
      return message.status === 'received' && message.type !== 'deleted' ? message : undefined;
    }
  }
  return undefined;
}

/**
 * The names of the other members who have read `message` (their `last_read` is at or after it),
 * from `channel.state.read`, sorted.
 */
export function seenBy(
  channel: Channel,
  message: ChatMessage,
  ownUserId: string | undefined,
): string[] {
  const sentAt = message.created_at ? new Date(message.created_at).getTime() : NaN;
  if (Number.isNaN(sentAt)) {
    return [];
  }
  const names: string[] = [];
  for (const [userId, read] of Object.entries(channel.state.read ?? {})) {
    const lastRead = read?.last_read ? new Date(read.last_read).getTime() : NaN;
    if (userId !== ownUserId && lastRead >= sentAt) {
      names.push(read.user?.name || userId);
    }
  }
  return names.sort((a, b) => a.localeCompare(b));
}

/** "Seen by Bob Nguyen", "Seen by Bob and Carol", "Seen by 4 people". */
export function seenByText(names: readonly string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `Seen by ${names[0]}`;
  if (names.length === 2) return `Seen by ${names[0]} and ${names[1]}`;
  return `Seen by ${names.length} people`;
}
