import type { Channel } from 'stream-chat';

/** The shortest time between two mark-read requests for the active channel. */
export const MARK_READ_INTERVAL_MS = 1000;

/**
 * Whether the current user may mark the channel read: the channel's type has read events, and
 * the user holds the `read-events` capability (a channel without a capability list allows it, as
 * the vendor's client does). A channel the client has let go of cannot be marked read.
 */
export function canMarkRead(channel: Channel): boolean {
  if (channel.disconnected) {
    return false;
  }
  const capabilities = channel.data?.own_capabilities;
  return (
    channel.getConfig()?.read_events === true &&
    (!Array.isArray(capabilities) || capabilities.includes('read-events'))
  );
}

/**
 * Marks channels read at most once per interval: a request after a quiet interval goes out at
 * once, requests within the interval go out together once it ends (for the latest channel).
 */
export class MarkReadThrottle {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSent = Number.NEGATIVE_INFINITY;
  private queued: Channel | undefined;

  /**
   * @param send marks one channel read.
   * @param outside runs timer setup outside Angular.
   */
  constructor(
    private readonly send: (channel: Channel) => void,
    private readonly outside: (work: () => void) => void,
    private readonly intervalMs = MARK_READ_INTERVAL_MS,
  ) {}

  /** Asks for the channel to be marked read, now or at the end of the current interval. */
  request(channel: Channel): void {
    const wait = this.lastSent + this.intervalMs - Date.now();
    if (wait <= 0 && this.timer === undefined) {
      this.sendNow(channel);
      return;
    }
    this.queued = channel;
    if (this.timer === undefined) {
      this.outside(() => {
        this.timer = setTimeout(() => this.sendQueued(), Math.max(wait, 0));
      });
    }
  }

  /** Drops a queued request. Safe to call at any time. */
  cancel(): void {
    this.queued = undefined;
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private sendQueued(): void {
    this.timer = undefined;
    const channel = this.queued;
    this.queued = undefined;
    if (channel) {
      this.sendNow(channel);
    }
  }

  private sendNow(channel: Channel): void {
    this.lastSent = Date.now();
    this.send(channel);
  }
}
