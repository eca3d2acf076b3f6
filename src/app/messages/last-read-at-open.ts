import type { Channel } from 'stream-chat';

/** When `userId` last read `channel`, from the channel's read state; `undefined` if unknown. */
export function lastReadOf(channel: Channel, userId: string | undefined): Date | undefined {
  const read = userId ? channel.state.read?.[userId] : undefined;
  const at = read?.last_read ? new Date(read.last_read) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
}

/**
 * Remembers when the user had last read the active channel at the moment it was opened, so the
 * "New messages" separator stays in place after the library marks the channel read. Feed it the
 * active channel each time it or its messages change, synchronously (before the mark-read
 * answer can arrive); it captures once per opened channel, as soon as the channel is loaded.
 */
export class LastReadAtOpen {
  private cid: string | undefined;
  private captured = false;
  private value: Date | undefined;

  /** The time to keep for `channel`, captured now if it was not yet. */
  observe(channel: Channel | undefined, userId: string | undefined): Date | undefined {
    if (channel?.cid !== this.cid) {
      this.cid = channel?.cid;
      this.captured = false;
      this.value = undefined;
    }
    if (channel && !this.captured && channel.initialized) {
      this.captured = true;
      this.value = lastReadOf(channel, userId);
    }
    return this.value;
  }
}
