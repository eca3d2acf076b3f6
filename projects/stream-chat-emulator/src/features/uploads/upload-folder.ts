import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { UploadsState } from './uploads-slice';

/** The file that holds an upload's bytes in the uploads folder: named by the upload's id. */
function storedPath(folder: string, id: string): string {
  return join(folder, id);
}

/**
 * Writes an upload's bytes into the uploads folder (created when missing).
 * Does nothing without a folder (an emulator without data file keeps them in memory only).
 */
export async function writeStoredBytes(
  folder: string | undefined,
  id: string,
  bytes: Buffer,
): Promise<void> {
  if (folder === undefined) {
    return;
  }
  await mkdir(folder, { recursive: true });
  await writeFile(storedPath(folder, id), bytes);
}

/** Removes an upload's bytes from the uploads folder, if it has one and they are there. */
export function removeStoredBytes(folder: string | undefined, id: string): void {
  if (folder === undefined) {
    return;
  }
  try {
    unlinkSync(storedPath(folder, id));
  } catch {
    // already gone
  }
}

/**
 * Attaches the uploads folder at start: reads the bytes of every upload loaded from the data
 * file, writes those that came inline with a seed, drops uploads whose bytes are nowhere
 * (logged) and deletes files no upload names (left by a crash between upload and save).
 * Without a folder, only drops the uploads that have no bytes.
 * @returns whether the uploads changed (some were dropped).
 */
export function attachUploadsFolder(
  state: UploadsState,
  folder: string | undefined,
  log: (message: string) => void,
): boolean {
  state.folder = folder;
  let dropped = false;
  for (const upload of state.files.values()) {
    if (upload.bytes === undefined && folder !== undefined) {
      const path = storedPath(folder, upload.id);
      upload.bytes = existsSync(path) ? readFileSync(path) : undefined;
    } else if (upload.bytes !== undefined && folder !== undefined) {
      mkdirSync(folder, { recursive: true });
      const path = storedPath(folder, upload.id);
      if (!existsSync(path)) {
        writeFileSync(path, upload.bytes);
      }
    }
    if (upload.bytes === undefined || upload.bytes.length !== upload.size) {
      log(`upload ${upload.id} (${upload.name}) has lost its bytes; it is dropped`);
      state.files.delete(upload.id);
      dropped = true;
    }
  }
  if (folder !== undefined && existsSync(folder)) {
    for (const entry of readdirSync(folder)) {
      if (!state.files.has(entry)) {
        removeStoredBytes(folder, entry);
      }
    }
  }
  return dropped;
}
