import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseJournal, replayJournal } from './journal-replay';

/** The journal beside a data file. */
export function journalPath(dataFile: string): string {
  return `${dataFile}.journal`;
}

/** The journal a compaction prepares before it replaces {@link journalPath}. */
export function nextJournalPath(dataFile: string): string {
  return `${dataFile}.journal.next`;
}

/** The SHA-256 of a data file's bytes, as journal headers name it. */
export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads a JSON file (seed or data file).
 * @throws Error naming the file when it cannot be read or parsed.
 */
export function readJsonFile(path: string): unknown {
  return parseJsonFile(readBytes(path), path);
}

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`stream-chat-emulator: cannot read ${path}: ${(error as Error).message}`);
  }
}

function parseJsonFile(bytes: Buffer, path: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new Error(`stream-chat-emulator: ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Whether a data file exists at `path`. */
export function dataFileExists(path: string): boolean {
  return existsSync(path);
}

/**
 * Reads a data file and replays its journal: the saved state, in the seed format.
 * The journal that applies is the one whose header names the data file's SHA-256: a journal
 * left from before the last compaction (a crash between writing the data file and replacing
 * the journal) is passed over, as its changes are in the data file. A torn last journal line
 * is ignored (with a log line); anything else damaged is refused, and nothing is overwritten.
 * @returns `undefined` when there is no data file (the seed is used).
 * @throws Error naming the file and what is wrong.
 */
export function readDataFile(path: string, log: (message: string) => void): unknown {
  const journal = journalPath(path);
  if (!existsSync(path)) {
    if (existsSync(journal)) {
      throw new Error(
        `stream-chat-emulator: found journal ${journal} but no data file ${path}; ` +
          'restore the data file, or delete the journal to start from the seed',
      );
    }
    return undefined;
  }
  const bytes = readBytes(path);
  const data = parseJsonFile(bytes, path);
  const base = sha256(bytes);
  const candidates = [journal, nextJournalPath(path)].filter((file) => existsSync(file));
  for (const file of candidates) {
    const text = readBytes(file).toString('utf8');
    // A `.next` journal is written in place: an unfinished one is simply not used.
    const parsed = file === journal ? parseJournal(text, file) : tryParseJournal(text, file);
    if (parsed?.header.base !== base) {
      continue;
    }
    if (parsed.tornBytes > 0) {
      log(
        `journal ${file}: ignored an unfinished last line (${parsed.tornBytes} bytes) left by a ` +
          'crash while it was written; it held no acknowledged change',
      );
    }
    return replayJournal(data, parsed.batches, file);
  }
  if (existsSync(journal)) {
    throw new Error(
      `stream-chat-emulator: journal ${journal} was not written for data file ${path} ` +
        '(was the data file replaced or edited?); it was left as it is: move one of them away',
    );
  }
  return data;
}

function tryParseJournal(text: string, file: string): ReturnType<typeof parseJournal> | undefined {
  try {
    return parseJournal(text, file);
  } catch {
    return undefined;
  }
}
