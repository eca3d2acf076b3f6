import { after, before, describe, it } from 'node:test';
import { DESKTOP, DemoPage, PHONE } from './support/demo-page';
import { DemoStack, startDemoStack } from './support/demo-stack';
import { poll } from '../projects/stream-chat-emulator/test/poll';
import { E2E_POLL_INTERVAL_MS, Locator, expect } from './support/expect';

describe('connect modes', { timeout: 60_000 }, () => {
  let stack: DemoStack;

  before(async () => {
    stack = await startDemoStack();
  });

  after(() => stack?.close());

  /** Opens the demo, runs `scenario`, and closes the window even when it fails. */
  async function inWindow(
    scenario: (demo: DemoPage) => Promise<void>,
    viewport?: { width: number; height: number },
  ): Promise<void> {
    const demo = await DemoPage.open(stack.browser, stack.appUrl, viewport);
    try {
      await scenario(demo);
    } finally {
      await demo.close();
    }
  }

  it('shows the connect panel with every mode of the vendor page', () =>
    inWindow(async (demo) => {
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
    }));

  it('shows whether the emulator answers, checking every few seconds', () =>
    inWindow(async (demo) => {
      const label = demo.page.getByTestId('backend-label');
      await expect(label).toHaveText(`Local emulator at ${stack.emulator.url}`);
      if ((await label.getAttribute('aria-live')) !== 'polite') {
        throw new Error('the backend status should be announced (aria-live="polite")');
      }
      // The emulator stops answering (the browser's requests to it fail), then answers again.
      await demo.page.route(`${stack.emulator.url}/**`, (route) =>
        route.abort('connectionrefused'),
      );
      await expect(label).toHaveText(`Emulator unreachable at ${stack.emulator.url}`);
      await demo.screenshot('connect-panel-emulator-unreachable');
      await demo.page.unrouteAll();
      await expect(label).toHaveText(`Local emulator at ${stack.emulator.url}`);
    }));

  it('previews exactly the channelService.init() call it makes, options included', () =>
    inWindow(async (demo) => {
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
    }));

  it('connects with a static token fetched once from the token endpoint', () =>
    inWindow(async (demo) => {
      const before = stack.tokenEndpoint.issuedTokens('carol');
      await demo.connectAndWait({ mode: 'Static token', user: 'Carol Diaz' });
      await expect(demo.currentUserName).toHaveText('Carol Diaz');
      await demo.openChannel('Design reviews');
      await demo.send('Static tokens work too.');
      if (stack.tokenEndpoint.issuedTokens('carol') !== before + 1) {
        throw new Error('expected exactly one token request for a static token');
      }
    }));

  it('connects with a development token made in the browser', () =>
    inWindow(async (demo) => {
      const before = stack.tokenEndpoint.issuedTokens();
      await demo.connectAndWait({ mode: 'Development token', user: 'Bob Nguyen' });
      await expect(demo.currentUserName).toHaveText('Bob Nguyen');
      await demo.openChannel('General');
      await demo.send('Dev tokens are for development only.');
      if (stack.tokenEndpoint.issuedTokens() !== before) {
        throw new Error('a development token must not call the token endpoint');
      }
    }));

  it('connects a guest with a chosen name, who can write in the livestream', () =>
    inWindow(async (demo) => {
      await demo.page.getByRole('radio', { name: 'Guest' }).check();
      await demo.page.getByRole('button', { name: 'Connect' }).click();
      await expect(demo.page.getByText('Enter a name to connect as a guest.')).toBeVisible();

      await demo.connectAndWait({ mode: 'Guest', guestName: 'Sam Rivera' });
      await expect(demo.currentUserName).toHaveText('Sam Rivera');
      await expect(demo.page.getByText('Guest', { exact: true })).toBeVisible();
      await expect(demo.page.getByTestId('channel-title')).toHaveText('Town square');
      await expect(demo.message('Sound check ok on my side.')).toBeVisible();
      await demo.send('Hello from a guest!');
      await poll(
        async () =>
          stack
            .storedMessages('livestream:town-square')
            .some((message) => message.text === 'Hello from a guest!' && message.role === 'guest'),
        {
          description: () => 'the guest message to reach the emulator, sent by a guest',
          intervalMs: E2E_POLL_INTERVAL_MS,
        },
      );
      await demo.screenshot('guest');
    }));

  it('connects an anonymous user who reads the livestream and cannot write', () =>
    inWindow(async (demo) => {
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
    }));

  it('shows why connecting failed, in a banner that can be dismissed', () =>
    inWindow(async (demo) => {
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
    }));

  /** Fails if the two elements' boxes overlap on screen, or if one of them is hidden. */
  async function expectApart(first: Locator, second: Locator): Promise<void> {
    const [a, b] = await Promise.all([first.boundingBox(), second.boundingBox()]);
    if (!a || !b) {
      throw new Error(`expected both ${first.toString()} and ${second.toString()} on screen`);
    }
    const overlap =
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    if (overlap) {
      throw new Error(`${first.toString()} ${JSON.stringify(a)} covers ${JSON.stringify(b)}`);
    }
  }
});
