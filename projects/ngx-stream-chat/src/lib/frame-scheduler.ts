import { NgZone } from '@angular/core';

/** How long to wait for a frame before running anyway (hidden tabs get no frames). */
const FRAME_FALLBACK_MS = 100;
/** The delay used where there are no animation frames at all (server, plain Node). */
const NO_FRAMES_DELAY_MS = 16;

/**
 * Runs a callback at most once per animation frame, however often `schedule()` is called in
 * between: a burst of events becomes one update. Timers are set outside Angular, so waiting for
 * a frame never triggers change detection in zone.js apps; the callback decides what to publish.
 */
export class FrameScheduler {
  private frame: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = false;

  /** @param zone the app's zone; `null` where there is none (timers are then set as they are). */
  constructor(
    private readonly zone: Pick<NgZone, 'runOutsideAngular'> | null,
    private readonly callback: () => void,
  ) {}

  /** Whether a run is scheduled and has not happened yet. */
  get isPending(): boolean {
    return this.pending;
  }

  /** Runs the callback on the next animation frame, unless a run is already scheduled. */
  schedule(): void {
    if (this.pending) {
      return;
    }
    this.pending = true;
    const wait = () => {
      const hasFrames = typeof requestAnimationFrame === 'function';
      if (hasFrames) {
        this.frame = requestAnimationFrame(() => this.run());
      }
      this.timer = setTimeout(() => this.run(), hasFrames ? FRAME_FALLBACK_MS : NO_FRAMES_DELAY_MS);
    };
    if (this.zone) {
      this.zone.runOutsideAngular(wait);
    } else {
      wait();
    }
  }

  /** Drops the scheduled run, if any. Safe to call at any time. */
  cancel(): void {
    this.pending = false;
    if (this.frame !== undefined) {
      cancelAnimationFrame(this.frame);
      this.frame = undefined;
    }
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private run(): void {
    this.cancel();
    this.callback();
  }
}
