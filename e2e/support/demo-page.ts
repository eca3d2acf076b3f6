import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Locator, Page, expect } from '@playwright/test';

/** Where screenshots go (git-ignored). */
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

/** A desktop window, and the narrow phone width the demo must work at. */
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** The connect panel's mode labels. */
export type ModeLabel =
  'Token provider' | 'Static token' | 'Development token' | 'Guest' | 'Anonymous';

/** What to pick on the connect panel. */
export interface ConnectOptions {
  mode: ModeLabel;
  /** A seeded user's name, for the token modes. */
  user?: 'Alice Martin' | 'Bob Nguyen' | 'Carol Diaz';
  guestName?: string;
  tokenLifetimeSeconds?: number;
}

/** The demo in one browser context (one person), with helpers named after what a user does. */
export class DemoPage {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /**
   * Opens the demo in a new context (its own storage, like another browser window), for a
   * person who stays across the tests of a file.
   * @param colorScheme the system color scheme the page sees (`prefers-color-scheme`).
   */
  static async open(
    browser: Browser,
    appUrl: string,
    viewport: { width: number; height: number } = DESKTOP,
    colorScheme: 'light' | 'dark' = 'light',
  ): Promise<DemoPage> {
    const context = await browser.newContext({ viewport, colorScheme });
    return DemoPage.load(await context.newPage(), appUrl);
  }

  /** Opens the demo in a page of its own, such as the `page` of one test. */
  static async load(page: Page, appUrl: string): Promise<DemoPage> {
    page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`));
    await page.goto(appUrl);
    const demo = new DemoPage(page.context(), page);
    await expect(demo.page.getByRole('heading', { name: 'Connect to chat' })).toBeVisible();
    return demo;
  }

  /** Picks a mode (and user, guest name, token lifetime) and presses Connect. */
  async connect(options: ConnectOptions): Promise<void> {
    await this.page.getByRole('radio', { name: options.mode }).check();
    if (options.user) {
      await this.page.getByRole('radio', { name: options.user }).check();
    }
    if (options.guestName !== undefined) {
      await this.page.getByLabel('Guest name').fill(options.guestName);
    }
    if (options.tokenLifetimeSeconds !== undefined) {
      await this.page
        .getByLabel('Token lifetime (seconds)')
        .fill(String(options.tokenLifetimeSeconds));
    }
    await this.page.getByRole('button', { name: 'Connect' }).click();
  }

  /** Connects and waits until the header says "Online". */
  async connectAndWait(options: ConnectOptions): Promise<void> {
    await this.connect(options);
    await expect(this.connectionState).toHaveText('Online');
  }

  get currentUserName(): Locator {
    return this.page.getByTestId('current-user-name');
  }

  get connectionState(): Locator {
    return this.page.getByTestId('connection-state');
  }

  get totalUnread(): Locator {
    return this.page.getByTestId('total-unread');
  }

  get errorBanner(): Locator {
    return this.page.getByTestId('error-banner');
  }

  get typingIndicator(): Locator {
    return this.page.getByTestId('typing-indicator');
  }

  get composer(): Locator {
    return this.page.locator('#composer-input');
  }

  /** The channel list's entry for a channel, by its name. */
  channel(name: string): Locator {
    return this.page.locator('demo-channel-list-item').filter({
      has: this.page.locator('.name', { hasText: name }),
    });
  }

  /** The unread badge of a channel in the list. */
  channelUnread(name: string): Locator {
    return this.channel(name).getByTestId('channel-unread');
  }

  /** Opens a channel from the list. */
  async openChannel(name: string): Promise<void> {
    await this.channel(name).getByRole('button').click();
    await expect(this.page.getByTestId('channel-title')).toHaveText(name);
  }

  /** Goes back to the channel list (phone layout). */
  async backToChannels(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to channels' }).click();
  }

  /** The messages of the open channel. */
  get messages(): Locator {
    return this.page.locator('demo-message-item');
  }

  /** A message of the open channel, by its text. */
  message(text: string): Locator {
    return this.messages.filter({ has: this.page.getByTestId('message-text').getByText(text) });
  }

  /**
   * Types a message, sends it with Enter, and waits until the server has it: the message shows
   * at once while it is sending, and is `received` once the server has stored it.
   */
  async send(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.composer.press('Enter');
    await expect(
      this.message(text).and(this.page.locator('[data-status="received"]')),
    ).toBeVisible();
  }

  /** The trimmed text of the focused element ('' when nothing is focused). */
  focusedText(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  }

  /** Waits until the focused element's text is `text`. */
  async expectFocus(text: string): Promise<void> {
    await expect.poll(() => this.focusedText(), { message: `the focus on "${text}"` }).toBe(text);
  }

  /** Presses Tab (from the top of the page) until the element with this text has the focus. */
  async tabTo(text: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let presses = 0; presses < 40; presses++) {
      await this.page.keyboard.press('Tab');
      if ((await this.focusedText()) === text) {
        return;
      }
    }
    throw new Error(`Tab never reached "${text}"`);
  }

  /** Saves a screenshot of the viewport to `e2e/artifacts/<name>.png`. */
  async screenshot(name: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    // Animations (the typing dots) are stopped, so screenshots are stable.
    await this.page.screenshot({ path: join(ARTIFACTS, `${name}.png`), animations: 'disabled' });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
