/**
 * `localStorage`, or `undefined` where there is none (the server) or where reading the property
 * itself throws (blocked storage).
 */
export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** `storage.getItem(key)`, or `null` when storage is missing or refuses. */
export function readStored(storage: Storage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** `storage.setItem(key, value)`; a full or blocked storage is ignored (the value stays in memory). */
export function writeStored(storage: Storage | undefined, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Storage full or blocked: the caller keeps the value in memory.
  }
}
