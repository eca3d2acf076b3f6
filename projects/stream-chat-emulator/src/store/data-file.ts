import { FileHandle, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ChatStore } from './chat-store';
import { JournalEntry, serializedSlices, takeJournalEntries } from './journal-entries';
import { journalPath, nextJournalPath, sha256 } from './data-file-reading';
import { JournalHeader } from './journal-replay';
import { snapshotState } from './state-snapshot';

/** The journal grows to at least this size before it is folded into the data file. */
export const MIN_COMPACTION_BYTES = 4 * 1024 * 1024;
/** While saves fail, how long to wait before trying again. */
export const SAVE_RETRY_MS = 1000;

/** How a request waits for its changes to be on disk (see {@link DataFilePersister}). */
export interface SaveTracker {
  /** A number that grows with every change to the store. */
  version(): number;
  /**
   * Resolves once every change up to `version` is on disk (fsynced).
   * @throws Error (rejects) when the save that held them failed.
   */
  saved(version: number): Promise<void>;
  /** Why the last save failed; `undefined` while saves succeed. Changes are refused meanwhile. */
  readonly failure: Error | undefined;
}

/** Options of {@link DataFilePersister}. */
export interface DataFilePersisterOptions {
  /** Called when a save fails (the emulator keeps running, refusing changes). */
  onError?: (error: Error) => void;
  /** Writes a diagnostic line. */
  log?: (message: string) => void;
  /** An error to fail the next write with, for fault injection (`undefined`: no fault). */
  injectedFailure?: () => Error | undefined;
}

interface Waiter {
  version: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Keeps a data file and its journal in step with the store.
 *
 * Every change is marked in the store (`ChatStore.changes`); as soon as the event loop is
 * free, the marked records are appended to the journal as one line (a batch) and the journal
 * is fsynced (group commit: changes made while a batch is being written go in the next one).
 * A request that changed the store is answered after its batch is on disk
 * ({@link SaveTracker.saved}), so an acknowledged change survives `kill -9` and power loss.
 * The cost of a batch follows what changed, not the size of the state.
 *
 * Once the journal is larger than the data file (and at least {@link MIN_COMPACTION_BYTES}),
 * at start and on close, the whole state is written to the data file (a temporary file
 * fsynced, then renamed) and the journal is replaced by an empty one naming it.
 */
export class DataFilePersister implements SaveTracker {
  /** Why the last save failed; `undefined` while saves succeed. */
  failure: Error | undefined;
  private failingSince: string | undefined;
  private changeCount = 0;
  private savedCount = 0;
  private waiters: Waiter[] = [];
  private journal: FileHandle | undefined;
  private journalBytes = 0;
  private snapshotBytes = 0;
  private savedSlices = new Map<string, string>();
  private needsSnapshot = true;
  private writing: Promise<void> | undefined;
  private scheduled = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: ChatStore,
    private readonly path: string,
    private readonly options: DataFilePersisterOptions = {},
  ) {
    this.unsubscribe = store.onChange(() => {
      this.changeCount++;
      this.schedule();
    });
  }

  /** @inheritdoc */
  version(): number {
    return this.changeCount;
  }

  /** @inheritdoc */
  saved(version: number): Promise<void> {
    if (version <= this.savedCount) {
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.waiters.push({ version, resolve, reject }));
  }

  /**
   * Writes the whole state (data file and an empty journal), as at start.
   * @throws Error (rejects) when it cannot be written; the reason is kept in {@link failure}.
   */
  async saveNow(): Promise<void> {
    await this.writing;
    this.needsSnapshot = true;
    await this.runSave();
    if (this.failure) {
      throw this.failure;
    }
  }

  /** Stops watching the store without writing (the emulator did not start). */
  abandon(): void {
    this.closed = true;
    this.unsubscribe();
    clearTimeout(this.retryTimer);
    void this.journal?.close();
  }

  /**
   * Stops watching the store, writes the whole state to the data file and removes the journal.
   * When that last write fails but every change is already in the journal, the journal is kept
   * (the next start replays it).
   * @throws Error (rejects) saying what was not saved otherwise.
   */
  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    this.unsubscribe();
    clearTimeout(this.retryTimer);
    await this.writing;
    if (!this.failure) {
      // Changes not written yet (socket-side ones are not waited for) go to the journal first.
      await this.runSave();
    }
    const unsaved = this.failure !== undefined || this.changeCount > this.savedCount;
    const failingSince = this.failingSince ?? new Date().toISOString();
    this.needsSnapshot = true;
    await this.runSave();
    if (this.failure && unsaved) {
      await this.journal?.close();
      throw new Error(
        `stream-chat-emulator: the changes made since ${failingSince} were not saved to ` +
          `${this.path}: ${this.failure.message}`,
      );
    }
    await this.journal?.close();
    if (this.failure) {
      this.options.log?.(
        `could not rewrite ${this.path} on close (${this.failure.message}); ` +
          `${journalPath(this.path)} keeps every change and is replayed at the next start`,
      );
      return;
    }
    await unlink(journalPath(this.path));
  }

  private schedule(): void {
    if (this.closed || this.scheduled || this.writing) {
      return;
    }
    if (this.failure) {
      this.retryTimer ??= setTimeout(() => {
        this.retryTimer = undefined;
        this.scheduled = true;
        setImmediate(() => void this.runSave());
      }, SAVE_RETRY_MS).unref();
      return;
    }
    this.scheduled = true;
    setImmediate(() => void this.runSave());
  }

  /** Saves what changed (or the whole state), then starts again if more changed meanwhile. */
  private runSave(): Promise<void> {
    this.scheduled = false;
    if (this.writing) {
      return this.writing;
    }
    if (!this.needsSnapshot && this.changeCount === this.savedCount) {
      return Promise.resolve();
    }
    const target = this.changeCount;
    const compact =
      this.needsSnapshot ||
      this.store.changes.wholeState ||
      this.journalBytes > Math.max(MIN_COMPACTION_BYTES, this.snapshotBytes);
    this.writing = (compact ? this.writeSnapshot() : this.appendBatch())
      .then(() => {
        this.needsSnapshot = false;
        this.failure = undefined;
        this.failingSince = undefined;
        this.settle(target);
      })
      .catch((error: unknown) => {
        this.needsSnapshot = true;
        this.failure = error as Error;
        this.failingSince ??= new Date().toISOString();
        this.options.onError?.(error as Error);
        this.settle(target, error as Error);
      })
      .finally(() => {
        this.writing = undefined;
        if (this.changeCount > this.savedCount || this.failure) {
          this.schedule();
        }
      });
    return this.writing;
  }

  private settle(target: number, error?: Error): void {
    if (!error) {
      this.savedCount = Math.max(this.savedCount, target);
    }
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (waiter.version > target) {
        this.waiters.push(waiter);
      } else if (error) {
        waiter.reject(error);
      } else {
        waiter.resolve();
      }
    }
  }

  private checkInjectedFailure(): void {
    const injected = this.options.injectedFailure?.();
    if (injected) {
      throw injected;
    }
  }

  /** Appends the marked changes to the journal as one line, and fsyncs it. */
  private async appendBatch(): Promise<void> {
    const entries: JournalEntry[] = takeJournalEntries(this.store, this.savedSlices);
    if (entries.length === 0) {
      return;
    }
    const journal = this.journal;
    if (!journal) {
      throw new Error('the journal is not open');
    }
    const line = Buffer.from(`${JSON.stringify(entries)}\n`);
    this.checkInjectedFailure();
    let written = 0;
    while (written < line.length) {
      const { bytesWritten } = await journal.write(line, written, line.length - written);
      written += bytesWritten;
    }
    this.journalBytes += line.length;
    await journal.datasync();
  }

  /**
   * Writes the whole state to the data file and starts a new journal naming it. The state is
   * serialized synchronously (so it is consistent); the writes and fsyncs run in the background.
   */
  private async writeSnapshot(): Promise<void> {
    this.store.changes.clear();
    this.savedSlices = serializedSlices(this.store);
    const text = JSON.stringify(snapshotState(this.store));
    const header: JournalHeader = { journal: 1, base: sha256(text) };
    const headerLine = `${JSON.stringify(header)}\n`;
    const temporary = `${this.path}.${process.pid}.tmp`;
    const next = nextJournalPath(this.path);
    let nextJournal: FileHandle | undefined;
    try {
      this.checkInjectedFailure();
      await writeDurably(temporary, text);
      nextJournal = await open(next, 'w');
      await nextJournal.writeFile(headerLine);
      await nextJournal.datasync();
      await rename(temporary, this.path);
      await rename(next, journalPath(this.path));
      await syncFolder(dirname(this.path));
    } catch (error) {
      await nextJournal?.close().catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    await this.journal?.close().catch(() => undefined);
    this.journal = nextJournal;
    this.journalBytes = headerLine.length;
    this.snapshotBytes = text.length;
  }
}

async function writeDurably(path: string, text: string): Promise<void> {
  const file = await open(path, 'w');
  try {
    await file.writeFile(text);
    await file.datasync();
  } finally {
    await file.close();
  }
}

async function syncFolder(path: string): Promise<void> {
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
