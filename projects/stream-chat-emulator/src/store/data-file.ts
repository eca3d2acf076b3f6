import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { ChatStore } from './chat-store';
import { snapshotState } from './state-snapshot';

/** How long changes are batched before the data file is written. */
export const DATA_FILE_SAVE_DELAY_MS = 100;

/**
 * Reads a JSON file (seed or data file).
 * @throws Error naming the file when it cannot be read or parsed.
 */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`stream-chat-emulator: cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`stream-chat-emulator: ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Whether a data file exists at `path`. */
export function dataFileExists(path: string): boolean {
  return existsSync(path);
}

/**
 * Keeps a data file in step with the store: every change schedules a save after
 * {@link DATA_FILE_SAVE_DELAY_MS}, and {@link DataFilePersister.close} saves at once.
 * Each save writes a temporary file next to the target and renames it over the target,
 * so a crash never leaves a half-written file.
 */
export class DataFilePersister {
  /** Why the last save failed; `undefined` while saves succeed. */
  failure: Error | undefined;
  private failingSince: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;
  private closed = false;

  /**
   * @param onError called when a save fails (the emulator keeps running).
   */
  constructor(
    private readonly store: ChatStore,
    private readonly path: string,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {
    this.unsubscribe = store.onChange(() => this.schedule());
  }

  /**
   * Writes the state now, cancelling any pending save.
   * @returns whether the file was written; a failure is kept in {@link failure} until a save
   * succeeds again.
   */
  saveNow(): boolean {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, `${JSON.stringify(snapshotState(this.store), null, 2)}\n`);
      renameSync(temporary, this.path);
      this.failure = undefined;
      this.failingSince = undefined;
      return true;
    } catch (error) {
      try {
        unlinkSync(temporary);
      } catch {
        // nothing to clean up
      }
      this.failure = error as Error;
      this.failingSince ??= new Date().toISOString();
      this.onError(error as Error);
      return false;
    }
  }

  /** Stops watching the store without writing (the emulator did not start). */
  abandon(): void {
    this.closed = true;
    this.unsubscribe();
    clearTimeout(this.timer);
  }

  /**
   * Stops watching the store and writes the final state.
   * @throws Error saying what was not saved when the final save fails.
   */
  close(): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    this.unsubscribe();
    if (!this.saveNow()) {
      throw new Error(
        `stream-chat-emulator: the changes made since ${this.failingSince} were not saved to ` +
          `${this.path}: ${this.failure?.message}`,
      );
    }
  }

  private schedule(): void {
    if (this.closed || this.timer) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.saveNow();
    }, DATA_FILE_SAVE_DELAY_MS);
    this.timer.unref();
  }
}
