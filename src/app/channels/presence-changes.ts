import { Injectable, Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ChatClientService } from 'ngx-stream-chat';
import { filter, scan } from 'rxjs';

/** The events after which a channel's members or watchers may show another presence. */
export const PRESENCE_EVENT_TYPES: ReadonlySet<string> = new Set([
  'user.presence.changed',
  'user.updated',
  'user.watching.start',
  'user.watching.stop',
  'member.added',
  'member.removed',
  'member.updated',
]);

/**
 * A counter that goes up after every presence event of the connected user's client. The
 * `stream-chat` client updates `channel.state.members` and `watchers` in place; views that show
 * presence read `version()` so they are recomputed when it does.
 */
@Injectable({ providedIn: 'root' })
export class PresenceChanges {
  /** Increases by one after each presence event; 0 before the first. */
  readonly version: Signal<number> = toSignal(
    inject(ChatClientService).events$.pipe(
      filter(({ eventType }) => PRESENCE_EVENT_TYPES.has(eventType)),
      scan((count) => count + 1, 0),
    ),
    { initialValue: 0 },
  );
}
