import type { Locator } from 'playwright-core';

export type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** How long an expectation keeps retrying before it fails. */
export const EXPECT_TIMEOUT_MS = 10_000;

/** Retries `check` until it returns `true`, then resolves; rejects with `describe()` on timeout. */
export async function eventually(
  check: () => Promise<boolean>,
  describe: () => Promise<string> | string,
  timeoutMs = EXPECT_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) {
        return;
      }
    } catch {
      // The page may be mid-render; try again.
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms: ${await describe()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function textsOf(locator: Locator): Promise<string> {
  const texts = await locator.allInnerTexts().catch(() => []);
  return texts.length ? JSON.stringify(texts.map((text) => text.trim())) : 'no element';
}

/**
 * Retrying assertions on a locator, in the spirit of Playwright Test's `expect` (which is not
 * part of playwright-core).
 */
export function expect(locator: Locator, timeoutMs = EXPECT_TIMEOUT_MS) {
  const name = locator.toString();
  return {
    toBeVisible: () =>
      eventually(
        () => locator.first().isVisible(),
        () => `${name} to be visible`,
        timeoutMs,
      ),
    toBeHidden: () =>
      eventually(
        async () => !(await locator.first().isVisible()),
        async () => `${name} to be hidden, but it shows ${await textsOf(locator)}`,
        timeoutMs,
      ),
    toHaveText: (expected: string | RegExp) =>
      eventually(
        async () => {
          const text = (await locator.first().innerText()).trim();
          return typeof expected === 'string' ? text === expected : expected.test(text);
        },
        async () =>
          `${name} to have text ${String(expected)}, but it has ${await textsOf(locator)}`,
        timeoutMs,
      ),
    toHaveCount: (count: number) =>
      eventually(
        async () => (await locator.count()) === count,
        async () => `${name} to match ${count} elements, but it matches ${await locator.count()}`,
        timeoutMs,
      ),
    toBeDisabled: () =>
      eventually(
        () => locator.first().isDisabled(),
        () => `${name} to be disabled`,
        timeoutMs,
      ),
    toBeEnabled: () =>
      eventually(
        () => locator.first().isEnabled(),
        () => `${name} to be enabled`,
        timeoutMs,
      ),
  };
}
