import { Locator, test as base, expect } from '@playwright/test';
import { DESKTOP, DemoPage, PHONE } from './support/demo-page';
import { DemoStack, startDemoStack } from './support/demo-stack';

let stack: DemoStack;

/** Every test opens the demo in a window of its own: Playwright's `page`, traced on a retry. */
const test = base.extend<{ demo: DemoPage }>({
  demo: async ({ page }, use) => {
    await use(await DemoPage.load(page, stack.appUrl));
  },
});

test.describe('connect modes', () => {
  test.beforeAll(async () => {
    stack = await startDemoStack();
  });

  test.afterAll(() => stack?.close());

  test('shows the connect panel with every mode of the vendor page', async ({ demo }) => {
    for (const mode of [
      'Token provider',
      'Static token',
      'Development token',
      'Guest',
      'Anonymous',
    ]) {
      await expect(demo.page.getByRole('radio', { name: mode })).toBeVisible();
    }
    await expect(demo.page.getByTestId('backend-label')).toHaveText(
      `Local emulator at ${stack.emulator.url}`,
    );
    await demo.screenshot('connect-panel');
    await demo.page.setViewportSize(PHONE);
    await demo.screenshot('connect-panel-390px');
  });

  test('shows whether the emulator answers, checking every few seconds', async ({ demo }) => {
    const label = demo.page.getByTestId('backend-label');
    await expect(label).toHaveText(`Local emulator at ${stack.emulator.url}`);
    // Announced to screen readers.
    await expect(label).toHaveAttribute('aria-live', 'polite');
    // The emulator stops answering (the browser's requests to it fail), then answers again.
    await demo.page.route(`${stack.emulator.url}/**`, (route) => route.abort('connectionrefused'));
    await expect(label).toHaveText(`Emulator unreachable at ${stack.emulator.url}`);
    await demo.screenshot('connect-panel-emulator-unreachable');
    await demo.page.unrouteAll();
    await expect(label).toHaveText(`Local emulator at ${stack.emulator.url}`);
  });

  test('previews exactly the channelService.init() call it makes, options included', async ({
    demo,
  }) => {
    const preview = demo.page.getByTestId('init-preview');
    await demo.page.getByRole('radio', { name: 'Development token' }).check();
    await demo.page.getByRole('radio', { name: 'Bob Nguyen' }).check();
    await expect(preview).toHaveText(
      /await channelService\.init\(\{ type: 'messaging', members: \{ \$in: \['bob'\] \} \}, undefined, \{ activateFirstChannel: false \}\);$/,
    );
    await demo.page.getByRole('radio', { name: 'Anonymous' }).check();
    await expect(preview).toHaveText(
      /await channelService\.init\(\{ type: 'livestream' \}, undefined, \{ activateFirstChannel: true \}\);$/,
    );
  });

  test('connects with a static token fetched once from the token endpoint', async ({ demo }) => {
    const before = stack.tokenEndpoint.issuedTokens('carol');
    await demo.connectAndWait({ mode: 'Static token', user: 'Carol Diaz' });
    await expect(demo.currentUserName).toHaveText('Carol Diaz');
    await demo.openChannel('Design reviews');
    await demo.send('Static tokens work too.');
    expect(stack.tokenEndpoint.issuedTokens('carol'), 'token requests').toBe(before + 1);
  });

  test('connects with a development token made in the browser', async ({ demo }) => {
    const before = stack.tokenEndpoint.issuedTokens();
    await demo.connectAndWait({ mode: 'Development token', user: 'Bob Nguyen' });
    await expect(demo.currentUserName).toHaveText('Bob Nguyen');
    await demo.openChannel('General');
    await demo.send('Dev tokens are for development only.');
    expect(stack.tokenEndpoint.issuedTokens(), 'token requests').toBe(before);
  });

  test('connects a guest with a chosen name, who can write in the livestream', async ({ demo }) => {
    await demo.page.getByRole('radio', { name: 'Guest' }).check();
    await demo.page.getByRole('button', { name: 'Connect' }).click();
    await expect(demo.page.getByText('Enter a name to connect as a guest.')).toBeVisible();

    await demo.connectAndWait({ mode: 'Guest', guestName: 'Sam Rivera' });
    await expect(demo.currentUserName).toHaveText('Sam Rivera');
    await expect(demo.page.getByText('Guest', { exact: true })).toBeVisible();
    await expect(demo.page.getByTestId('channel-title')).toHaveText('Town square');
    await expect(demo.message('Sound check ok on my side.')).toBeVisible();
    await demo.send('Hello from a guest!');
    await expect
      .poll(() => stack.storedMessages('livestream:town-square').at(-1), {
        message: 'the last message stored in the livestream',
      })
      .toMatchObject({ text: 'Hello from a guest!', role: 'guest' });
    await demo.screenshot('guest');
  });

  test('connects an anonymous user who reads the livestream and cannot write', async ({ demo }) => {
    await demo.connectAndWait({ mode: 'Anonymous' });
    await expect(demo.currentUserName).toHaveText('Anonymous');
    await expect(demo.page.getByTestId('channel-title')).toHaveText('Town square');
    await expect(demo.message('The stream starts in five minutes.')).toBeVisible();
    await expect(demo.composer).toBeDisabled();
    await expect(demo.page.getByTestId('composer-disabled-reason')).toHaveText(
      'Anonymous users can read but not write. Connect as a user or a guest to join in.',
    );
    await expect(demo.page.getByRole('button', { name: 'Send' })).toBeDisabled();
    await demo.screenshot('anonymous');
    await demo.page.setViewportSize(PHONE);
    await demo.screenshot('anonymous-390px');
  });

  test('shows why connecting failed, in a banner that can be dismissed', async ({ demo }) => {
    await demo.page.route('**/token?**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: '{"error":"maintenance"}',
      }),
    );
    await demo.connect({ mode: 'Token provider', user: 'Alice Martin' });
    await expect(demo.errorBanner).toBeVisible();
    await expect(demo.errorBanner.locator('.title')).toHaveText(
      'Could not connect as Alice Martin',
    );
    await expect(demo.errorBanner.locator('.detail')).toHaveText(/maintenance/);
    await demo.screenshot('connect-error');
    const heading = demo.page.getByRole('heading', { name: 'Connect to chat' });
    for (const viewport of [PHONE, DESKTOP]) {
      await demo.page.setViewportSize(viewport);
      await expectApart(demo.errorBanner, heading);
    }
    await demo.errorBanner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(demo.errorBanner).toHaveCount(0);

    await demo.page.unrouteAll();
    await demo.connectAndWait({ mode: 'Token provider', user: 'Alice Martin' });
    await expect(demo.errorBanner).toHaveCount(0);
  });

  /** Fails if the two elements' boxes overlap on screen, or if one of them is hidden. */
  async function expectApart(first: Locator, second: Locator): Promise<void> {
    const [a, b] = await Promise.all([first.boundingBox(), second.boundingBox()]);
    if (!a || !b) {
      throw new Error(`expected both ${first.toString()} and ${second.toString()} on screen`);
    }
    const overlap =
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap, `${first.toString()} ${JSON.stringify(a)} covers ${JSON.stringify(b)}`).toBe(
      false,
    );
  }
});
