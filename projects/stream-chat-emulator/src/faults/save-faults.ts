/**
 * Pending failures of data-file writes (journal appends and snapshots), as a full disk would
 * cause them: the next N writes fail with `ENOSPC`.
 */
export class SaveFaults {
  private remaining = 0;

  /** Makes the next `count` writes fail. */
  failNext(count: number): void {
    this.remaining += count;
  }

  /** The error the write being attempted now fails with, or `undefined` to let it through. */
  take(): Error | undefined {
    if (this.remaining === 0) {
      return undefined;
    }
    this.remaining--;
    return Object.assign(new Error('ENOSPC: no space left on device (injected by the emulator)'), {
      code: 'ENOSPC',
    });
  }

  /** Drops pending failures. */
  clear(): void {
    this.remaining = 0;
  }
}
