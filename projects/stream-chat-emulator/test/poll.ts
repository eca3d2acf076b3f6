/**
 * The one polling helper of the workspace's tests: the emulator's specs, the library's and
 * the demo's Jest specs, the end-to-end tests and the benchmarks all import this file. It
 * lives in the emulator's `test/` folder because the emulator package must not import from
 * the workspace root, while the workspace may import from the emulator.
 */

/** The values `if (value)` rejects. */
export type Falsy = false | 0 | 0n | '' | null | undefined;

/** `T` without its falsy members: what {@link poll} resolves with. */
export type Truthy<T> = Exclude<T, Falsy>;

/** How long {@link poll} waits when no `timeoutMs` is given. */
export const DEFAULT_POLL_TIMEOUT_MS = 10_000;

/** How long {@link poll} pauses between attempts when no `intervalMs` is given. */
export const DEFAULT_POLL_INTERVAL_MS = 20;

export interface PollOptions {
  /**
   * What is awaited, as in "waiting for …": used in the timeout error. A function is called
   * only on timeout, so it can describe the state at that moment.
   */
  description: string | (() => string | PromiseLike<string>);
  /** How long to keep trying, in ms ({@link DEFAULT_POLL_TIMEOUT_MS} by default). */
  timeoutMs?: number;
  /** The pause between attempts, in ms ({@link DEFAULT_POLL_INTERVAL_MS} by default). */
  intervalMs?: number;
}

/**
 * Calls `condition` (sync or async) at once, then every `intervalMs`, until it returns a
 * truthy value, and resolves with that value. An attempt that throws or rejects counts as a
 * falsy one. Once `timeoutMs` has passed (one last attempt is made at the deadline), rejects
 * with an Error naming the description and the last value or error (also its `cause`). An
 * attempt still in progress at the deadline is awaited, not abandoned.
 */
export async function poll<T>(
  condition: () => T | PromiseLike<T>,
  options: PollOptions,
): Promise<Truthy<T>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_POLL_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let last: { value: T } | { error: unknown };
    try {
      const value = await condition();
      if (value) {
        return value as Truthy<T>;
      }
      last = { value };
    } catch (error) {
      last = { error };
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw await timeoutError(options.description, timeoutMs, last);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, remaining)));
  }
}

async function timeoutError(
  description: PollOptions['description'],
  timeoutMs: number,
  last: { value: unknown } | { error: unknown },
): Promise<Error> {
  let what: string;
  try {
    what = typeof description === 'function' ? await description() : description;
  } catch (error) {
    what = `(the description failed: ${errorText(error)})`;
  }
  const outcome =
    'error' in last
      ? `the last attempt threw ${errorText(last.error)}`
      : `the last value was ${valueText(last.value)}`;
  return new Error(
    `Timed out after ${timeoutMs} ms waiting for ${what}; ${outcome}`,
    'error' in last ? { cause: last.error } : undefined,
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : valueText(error);
}

function valueText(value: unknown): string {
  if (typeof value === 'bigint') {
    return `${value}n`;
  }
  if (typeof value === 'number') {
    return String(value);
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    // A circular structure, say.
  }
  text ??= String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
