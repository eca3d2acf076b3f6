import { Injectable, Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ChatClientService } from 'ngx-stream-chat';
import { filter, scan } from 'rxjs';

/**
 * The events after which the user's own state in a channel may read differently: membership
 * (pinned, archived, invitations, role), channel and user mutes, bans, and channel settings such
 * as the slow-mode cooldown.
 */
export const CHANNEL_STATE_EVENT_TYPES: ReadonlySet<string> = new Set([
  'member.added',
  'member.removed',
  'member.updated',
  'channel.updated',
  'notification.channel_mutes_updated',
  'notification.mutes_updated',
  'notification.invited',
  'notification.invite_accepted',
  'notification.invite_rejected',
  'user.banned',
  'user.unbanned',
]);

/**
 * A counter that goes up after each of those events. The `stream-chat` client changes
 * `channel.state.membership`, `members`, `data` and its mute lists in place; views that show them
 * read `version()` so they are recomputed when they change.
 */
@Injectable({ providedIn: 'root' })
export class ChannelStateChanges {
  /** Increases by one after each such event; 0 before the first. */
  readonly version: Signal<number> = toSignal(
    inject(ChatClientService).events$.pipe(
      filter(({ eventType }) => CHANNEL_STATE_EVENT_TYPES.has(eventType)),
      scan((count) => count + 1, 0),
    ),
    { initialValue: 0 },
  );
}
