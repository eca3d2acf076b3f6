import { Page, expect } from '@playwright/test';

/** Which element should get the focus: one matching this CSS selector, holding this text, or both. */
export interface FocusTarget {
  selector?: string;
  text?: string;
}

/** Whether the focused element matches, and the outline that shows it has the focus. */
interface FocusState {
  match: boolean;
  outline: string;
  describe: string;
}

/** Reads the focused element: whether it is `target`, its outline style, and a short description. */
function focusState(page: Page, target: FocusTarget): Promise<FocusState> {
  return page.evaluate((target: FocusTarget) => {
    const element = document.activeElement ?? document.body;
    const match =
      (target.selector === undefined || element.matches(target.selector)) &&
      (target.text === undefined || (element.textContent ?? '').includes(target.text));
    const label = element.getAttribute('aria-label') ?? (element.textContent ?? '').trim();
    return {
      match,
      outline: getComputedStyle(element).outlineStyle,
      describe: `<${element.tagName.toLowerCase()}> ${label.slice(0, 60)}`,
    };
  }, target);
}

/**
 * Presses `key` (Tab, Shift+Tab, ArrowDown...) until the focused element is `target`, at most 40
 * times, then checks that it shows where the focus is (an outline).
 * @param what the target in words, for the failure message.
 */
export async function pressUntilFocused(
  page: Page,
  key: string,
  what: string,
  target: FocusTarget,
): Promise<void> {
  let state: FocusState | undefined;
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press(key);
    state = await focusState(page, target);
    if (state.match) {
      expect(state.outline, `${what} should show where the focus is`).not.toBe('none');
      return;
    }
  }
  throw new Error(`${key} never reached ${what} (the focus ended on ${state?.describe})`);
}

/** Checks that the focused element is `target` and shows it (an outline). */
export async function expectFocusVisibleOn(
  page: Page,
  what: string,
  target: FocusTarget,
): Promise<void> {
  await expect
    .poll(async () => (await focusState(page, target)).match, { message: `the focus on ${what}` })
    .toBe(true);
  const { outline } = await focusState(page, target);
  expect(outline, `${what} should show where the focus is`).not.toBe('none');
}

/** Takes the focus away, so that the next Tab starts from the top of the page. */
export async function blurAll(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}
