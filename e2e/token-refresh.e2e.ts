import { expect, test } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DemoPage } from './support/demo-page';
import { DemoStack, startDemoStack } from './support/demo-stack';

test.describe('token provider with short-lived tokens', () => {
  // The scenario waits past 20 s of token lifetimes on purpose.
  test.describe.configure({ timeout: 90_000 });

  let stack: DemoStack;
  let alice: DemoPage;
  let bob: DemoPage;

  test.beforeAll(async ({ browser }) => {
    stack = await startDemoStack();
    alice = await DemoPage.open(browser, stack.appUrl);
    bob = await DemoPage.open(browser, stack.appUrl);
  });

  test.afterAll(async () => {
    await Promise.all([alice?.close(), bob?.close()]);
    await stack?.close();
  });

  test('keeps the session working past 20 s with 5-second tokens', async () => {
    const connectedAt = Date.now();
    await alice.connectAndWait({
      mode: 'Token provider',
      user: 'Alice Martin',
      tokenLifetimeSeconds: 5,
    });
    await bob.connectAndWait({ mode: 'Development token', user: 'Bob Nguyen' });
    await alice.openChannel('General');
    await bob.openChannel('General');

    // Past the first token's expiry, the socket drops: the client reconnects with a new token.
    await sleep(Math.max(0, connectedAt + 8_000 - Date.now()));
    stack.emulator.faults.dropSockets({ userId: 'alice' });
    await expect(alice.connectionState).toHaveText('Online', { timeout: 15_000 });
    await alice.send('Still here after a reconnect with a fresh token.');

    // Well past 20 s, with only expired tokens issued before: HTTP calls refresh the token too.
    await sleep(Math.max(0, connectedAt + 21_000 - Date.now()));
    await alice.send('Still here after 20 seconds.');
    await expect(bob.message('Still here after 20 seconds.')).toBeVisible();
    await bob.send('Got it.');
    await expect(alice.message('Got it.')).toBeVisible();
    await expect(alice.connectionState).toHaveText('Online');
    await expect(alice.errorBanner).toHaveCount(0);
    await expect(alice.page.locator('demo-message-item[data-status="failed"]')).toHaveCount(0);

    await expect
      .poll(() => stack.tokenEndpoint.issuedTokens('alice'), {
        message: "alice's tokens: the provider is called on connect and again after each expiry",
      })
      .toBeGreaterThanOrEqual(3);
  });
});
