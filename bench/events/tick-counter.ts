import { InjectionToken, signal } from '@angular/core';

/** Counts an app's change-detection passes (ticks that rendered), read by the benchmark. */
export class TickCounter {
  ticks = 0;
  /** Whether the app shows the user's unread total from `user$` in its header. */
  readonly showUnreadTotal = signal(false);
}

/** The app's {@link TickCounter}; the storm components increment it after every render. */
export const TICK_COUNTER = new InjectionToken<TickCounter>('storm tick counter');
