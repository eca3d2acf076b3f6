import { DestroyRef, Injectable, PLATFORM_ID, inject, signal } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';

/** How often relative times ("5 minutes ago") are brought up to date. */
export const CLOCK_TICK_MS = 30_000;

/**
 * The current time as a signal, for relative times and day labels: it ticks every 30 s in the
 * browser (one timer for the whole app) and stays put on the server.
 */
@Injectable({ providedIn: 'root' })
export class Clock {
  private readonly nowState = signal(new Date());

  /** The time of the last tick. */
  readonly now = this.nowState.asReadonly();

  constructor() {
    if (isPlatformBrowser(inject(PLATFORM_ID))) {
      const timer = setInterval(() => this.nowState.set(new Date()), CLOCK_TICK_MS);
      inject(DestroyRef).onDestroy(() => clearInterval(timer));
    }
  }
}
