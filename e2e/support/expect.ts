import type { Locator } from 'playwright-core';
import { poll } from '../../projects/stream-chat-emulator/test/poll';

export type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** How long an expectation keeps retrying before it fails. */
export const EXPECT_TIMEOUT_MS = 10_000;

/** How often an expectation retries: each attempt is a round trip to the browser. */
export const E2E_POLL_INTERVAL_MS = 100;

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
      poll(() => locator.first().isVisible(), {
        description: () => `${name} to be visible`,
        timeoutMs,
        intervalMs: E2E_POLL_INTERVAL_MS,
      }),
    toBeHidden: () =>
      poll(async () => !(await locator.first().isVisible()), {
        description: async () => `${name} to be hidden, but it shows ${await textsOf(locator)}`,
        timeoutMs,
        intervalMs: E2E_POLL_INTERVAL_MS,
      }),
    toHaveText: (expected: string | RegExp) =>
      poll(
        async () => {
          const text = (await locator.first().innerText()).trim();
          return typeof expected === 'string' ? text === expected : expected.test(text);
        },
        {
          description: async () =>
            `${name} to have text ${String(expected)}, but it has ${await textsOf(locator)}`,
          timeoutMs,
          intervalMs: E2E_POLL_INTERVAL_MS,
        },
      ),
    toHaveCount: (count: number) =>
      poll(async () => (await locator.count()) === count, {
        description: async () =>
          `${name} to match ${count} elements, but it matches ${await locator.count()}`,
        timeoutMs,
        intervalMs: E2E_POLL_INTERVAL_MS,
      }),
    toBeDisabled: () =>
      poll(() => locator.first().isDisabled(), {
        description: () => `${name} to be disabled`,
        timeoutMs,
        intervalMs: E2E_POLL_INTERVAL_MS,
      }),
    toBeEnabled: () =>
      poll(() => locator.first().isEnabled(), {
        description: () => `${name} to be enabled`,
        timeoutMs,
        intervalMs: E2E_POLL_INTERVAL_MS,
      }),
  };
}
