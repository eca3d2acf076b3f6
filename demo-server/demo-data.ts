import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The git-ignored folder where `npm start` keeps the emulator's data between runs. */
export const DEMO_DATA_FOLDER = '.demo-data';

/** The flag that makes `npm start` forget the saved data: `npm start -- --fresh`. */
export const FRESH_FLAG = '--fresh';

/** What `npm start`'s own arguments ask for; the rest go to `ng serve`. */
export interface StartArguments {
  /** Whether to delete the saved data and start from the seed. */
  fresh: boolean;
  /** The arguments for `ng serve`. */
  ngServeArgs: string[];
}

/** Splits `npm start -- ...` arguments into the demo's own flag and `ng serve`'s arguments. */
export function parseStartArguments(argv: readonly string[]): StartArguments {
  return {
    fresh: argv.includes(FRESH_FLAG),
    ngServeArgs: argv.filter((arg) => arg !== FRESH_FLAG),
  };
}

/** Where the data lives, and whether there was saved data to load. */
export interface DemoDataFile {
  /** The emulator's data file (`--data`); its journal and uploads sit beside it. */
  path: string;
  /** Whether saved data was found (false on the first run and after `--fresh`). */
  existed: boolean;
}

/**
 * Prepares the data folder under `root`: creates it, and with `fresh` first deletes everything
 * saved in it (the data file, its journal and its uploads).
 */
export function prepareDemoData(root: string, fresh: boolean): DemoDataFile {
  const folder = join(root, DEMO_DATA_FOLDER);
  if (fresh) {
    rmSync(folder, { recursive: true, force: true });
  }
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'emulator.json');
  return { path, existed: existsSync(path) };
}
