import { InjectionToken, signal } from '@angular/core';

/**
 * Counts an app's change-detection passes (ticks that rendered), and the event-loop tasks in which
 * the SDK asked Angular to render, read by the benchmark.
 */
export class TickCounter {
  ticks = 0;
  /**
   * Tasks (macrotasks, with their microtasks) in which Angular was asked to render
   * (`ChangeDetectionScheduler.notify`): the renders an app that keeps up would run. Unlike
   * `ticks`, this does not depend on how this machine's timers and frames interleave with the
   * storm: a slow or loaded machine runs fewer ticks for the same requests.
   */
  renderRequests = 0;
  private requestedInThisTask = false;
  /** Whether the app shows the user's unread total from `user$` in its header. */
  readonly showUnreadTotal = signal(false);

  /** Notes a render request; several within one task count once. */
  noteRenderRequest(): void {
    if (this.requestedInThisTask) return;
    this.requestedInThisTask = true;
    this.renderRequests++;
    queueMicrotask(() => (this.requestedInThisTask = false));
  }
}

/** The app's {@link TickCounter}; the storm components increment it after every render. */
export const TICK_COUNTER = new InjectionToken<TickCounter>('storm tick counter');
