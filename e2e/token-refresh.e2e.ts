import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DemoPage } from './support/demo-page';
import { DemoStack, startDemoStack } from './support/demo-stack';
import { poll } from '../projects/stream-chat-emulator/test/poll';
import { E2E_POLL_INTERVAL_MS, expect } from './support/expect';

describe('token provider with short-lived tokens', { timeout: 90_000 }, () => {
  let stack: DemoStack;
  let alice: DemoPage;
  let bob: DemoPage;

  before(async () => {
    stack = await startDemoStack();
    alice = await DemoPage.open(stack.browser, stack.appUrl);
    bob = await DemoPage.open(stack.browser, stack.appUrl);
  });

  after(() => stack?.close());

  it('keeps the session working past 20 s with 5-second tokens', async () => {
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
    await expect(alice.connectionState, 15_000).toHaveText('Online');
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

    await poll(async () => stack.tokenEndpoint.issuedTokens('alice') >= 3, {
      description: () =>
        `the provider to be called on connect and again after expiry, ` +
        `but the endpoint issued ${stack.tokenEndpoint.issuedTokens('alice')} token(s)`,
      intervalMs: E2E_POLL_INTERVAL_MS,
    });
  });
});
