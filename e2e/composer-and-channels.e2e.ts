import { readFileSync } from 'node:fs';
import { Locator, expect, test } from '@playwright/test';
import { DEFAULT_SEED_PATH, SeedData } from 'stream-chat-emulator';
import { StreamChat } from 'stream-chat';
import { DemoPage } from './support/demo-page';
import { DemoStack, startDemoStack } from './support/demo-stack';

/** A 1×1 PNG, so the image the other person receives can be decoded. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The emulator's default seed, with alice moderating General and a "Launch plans" channel where
 * alice is alone (to invite bob to).
 */
function seed(): SeedData {
  const data = JSON.parse(readFileSync(DEFAULT_SEED_PATH, 'utf8')) as SeedData;
  const general = data.channels.find((channel) => channel.id === 'general')!;
  general.members = (general.members ?? []).map((member) =>
    member === 'alice' ? { user_id: 'alice', channel_role: 'channel_moderator' } : member,
  );
  data.channels.push({
    type: 'messaging',
    id: 'launch',
    name: 'Launch plans',
    created_by_id: 'alice',
    members: ['alice'],
    messages: [{ user_id: 'alice', text: 'Launch checklist goes here.' }],
  });
  return data;
}

/**
 * The composer and channel features, two people in two browser contexts: each step checks what
 * the other person sees.
 */
test.describe('composer and channels', () => {
  test.describe.configure({ mode: 'serial' });

  let stack: DemoStack;
  let alice: DemoPage;
  let bob: DemoPage;

  const channelOptions = (person: DemoPage) =>
    person.page.getByRole('button', { name: 'Channel options' });
  const dialog = (person: DemoPage) => person.page.getByRole('dialog', { name: 'Members' });
  const fileInput = (person: DemoPage) => person.page.getByTestId('composer-file-input');
  const previews = (person: DemoPage): Locator => person.page.getByTestId('attachment-preview');

  test.beforeAll(async ({ browser }) => {
    stack = await startDemoStack({ seed: seed() });
    // The app's upload limits, read by the library when a user connects.
    const server = new StreamChat(stack.emulator.apiKey, stack.emulator.apiSecret, {
      baseURL: stack.emulator.url,
    });
    await server.updateAppSettings({ file_upload_config: { blocked_file_extensions: ['.exe'] } });
    alice = await DemoPage.open(browser, stack.appUrl);
    bob = await DemoPage.open(browser, stack.appUrl);
    await alice.connectAndWait({ mode: 'Token provider', user: 'Alice Martin' });
    await bob.connectAndWait({ mode: 'Token provider', user: 'Bob Nguyen' });
    await alice.openChannel('Alice and Bob');
    await bob.openChannel('Alice and Bob');
  });

  test.afterAll(async () => {
    await Promise.all([alice?.close(), bob?.close()]);
    await stack?.close();
  });

  test('sends an image and a file that bob can view and open', async () => {
    await fileInput(alice).setInputFiles([
      { name: 'photo.png', mimeType: 'image/png', buffer: PNG },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Agenda: launch.') },
    ]);
    await expect(previews(alice)).toHaveCount(2);
    await expect(previews(alice).and(alice.page.locator('[data-state="success"]'))).toHaveCount(2);
    await expect(previews(alice).first().locator('img')).toBeVisible();
    await alice.composer.fill('Here are the files');
    await alice.composer.press('Enter');
    await expect(previews(alice)).toHaveCount(0);

    const message = bob.message('Here are the files');
    const image = message.getByTestId('message-image').locator('img');
    await expect(image).toHaveAttribute('alt', 'photo.png');
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(1);
    const file = message.getByTestId('message-file');
    await expect(file).toContainText('notes.txt');
    const response = await bob.page.request.get((await file.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect(await response.text()).toBe('Agenda: launch.');
    await bob.screenshot('composer-bob-sees-attachments');
  });

  test('retries a failed upload, removes a file, and names a file over the limits', async () => {
    let failures = 0;
    await alice.page.route('**/channels/messaging/alice-bob/file?**', (route) => {
      if (route.request().method() !== 'POST' || failures > 0) return route.continue();
      failures++;
      return route.fulfill({
        status: 500,
        headers: { 'Access-Control-Allow-Origin': '*' },
        contentType: 'application/json',
        body: JSON.stringify({ code: -1, message: 'UploadFile failed', StatusCode: 500 }),
      });
    });
    await fileInput(alice).setInputFiles([
      { name: 'draft.txt', mimeType: 'text/plain', buffer: Buffer.from('draft') },
    ]);
    const draft = previews(alice).filter({ hasText: 'draft.txt' });
    await expect(draft).toHaveAttribute('data-state', 'error');
    await expect(draft.getByRole('alert')).toHaveText('Upload failed');
    await draft.getByRole('button', { name: 'Retry draft.txt' }).click();
    await expect(draft).toHaveAttribute('data-state', 'success');
    await draft.getByRole('button', { name: 'Remove draft.txt' }).click();
    await expect(previews(alice)).toHaveCount(0);

    await fileInput(alice).setInputFiles([
      { name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
    ]);
    await expect(alice.page.getByTestId('upload-problem')).toContainText('tool.exe');
    await expect(previews(alice)).toHaveCount(0);
    await alice.page.getByTestId('upload-problem').getByRole('button').click();
  });

  test('offers members after "@", and bob sees himself mentioned', async () => {
    await alice.composer.pressSequentially('Lunch @Bo', { delay: 20 });
    const option = alice.page.getByRole('option', { name: /Bob Nguyen/ });
    await expect(option).toBeVisible();
    await expect(alice.composer).toHaveAttribute('aria-expanded', 'true');
    await alice.composer.press('Enter');
    await expect(alice.composer).toHaveValue('Lunch @Bob Nguyen ');
    await alice.composer.pressSequentially('at noon?', { delay: 10 });
    await alice.composer.press('Enter');

    const mention = bob.message('at noon?').getByTestId('mention');
    await expect(mention).toHaveText('@Bob Nguyen');
    await expect(mention).toHaveClass(/own/);
    await expect(alice.message('at noon?').getByTestId('mention')).not.toHaveClass(/own/);
  });

  test('search finds the message and jumps to it', async () => {
    await bob.openChannel('General');
    await bob.page.getByRole('searchbox', { name: 'Search messages' }).fill('the files');
    await bob.page.getByRole('searchbox', { name: 'Search messages' }).press('Enter');
    const hit = bob.page.getByTestId('search-hit');
    await expect(hit).toHaveCount(1);
    await expect(hit).toContainText('Alice and Bob');
    await expect(hit.locator('mark')).toHaveText('the files');
    await hit.click();
    await expect(bob.page.getByTestId('channel-title')).toHaveText('Alice and Bob');
    await expect(bob.message('Here are the files')).toHaveClass(/highlighted/);
    await bob.page.getByRole('button', { name: 'Clear' }).click();
    await expect(hit).toHaveCount(0);
  });

  test('slow mode set by the moderator makes bob wait, with a countdown', async () => {
    await alice.openChannel('General');
    await bob.openChannel('General');
    await channelOptions(alice).click();
    await alice.page.getByRole('menuitemradio', { name: 'Slow mode: 30 s' }).click();
    await expect(bob.page.getByTestId('slow-mode-notice')).toHaveText(
      /Slow mode is on: one message every 30 s/,
    );

    await bob.send('Slow and steady');
    await expect(bob.page.getByTestId('slow-mode-countdown')).toHaveText(
      /Slow mode: you can send again in \d+ s/,
    );
    await expect(bob.page.getByRole('button', { name: 'Send' })).toBeDisabled();
    await expect(alice.message('Slow and steady')).toBeVisible();
    // The moderator is exempt.
    await alice.send('Moderators may write at any pace.');
    await expect(alice.page.getByTestId('slow-mode-countdown')).toHaveCount(0);
    await bob.screenshot('composer-bob-slow-mode');
  });

  test('bob accepts an invitation, and both see him in the channel', async () => {
    await alice.openChannel('Launch plans');
    await channelOptions(alice).click();
    await alice.page.getByRole('menuitem', { name: 'Members…' }).click();
    await dialog(alice).getByRole('button', { name: 'Invite Bob Nguyen' }).click();
    const bobRow = dialog(alice).locator('[data-user-id="bob"]');
    await expect(bobRow.getByTestId('member-invited')).toBeVisible();

    const invitation = bob.page.getByTestId('invitation');
    await expect(invitation).toContainText('Launch plans');
    await expect(bob.channel('Launch plans')).toHaveCount(0);
    await invitation.getByRole('button', { name: 'Accept the invitation to Launch plans' }).click();
    await expect(invitation).toHaveCount(0);
    await bob.openChannel('Launch plans');
    await expect(bob.message('Launch checklist goes here.')).toBeVisible();

    await expect(bobRow.getByTestId('member-invited')).toHaveCount(0);
    await dialog(alice).getByRole('button', { name: 'Close' }).click();
    await bob.send('Glad to join');
    await expect(alice.message('Glad to join')).toBeVisible();
  });

  test('a channel bob muted shows him no unread badge', async () => {
    await bob.openChannel('Alice and Bob');
    await channelOptions(bob).click();
    await bob.page.getByRole('menuitem', { name: 'Mute channel' }).click();
    await expect(bob.channel('Alice and Bob').getByTestId('channel-muted')).toBeVisible();
    await bob.openChannel('General');

    await alice.openChannel('Alice and Bob');
    await alice.send('Are you there?');
    await expect(bob.channel('Alice and Bob').getByTestId('channel-preview')).toHaveText(
      'Alice Martin: Are you there?',
    );
    await expect(bob.channelUnread('Alice and Bob')).toHaveCount(0);
    await expect(bob.totalUnread).toHaveCount(0);

    // Not muted, the same message raises the badge.
    await alice.openChannel('Launch plans');
    await alice.send('Launch is on Friday.');
    await expect(bob.channelUnread('Launch plans')).toHaveText('1 unread');
  });

  test("the moderator's ban stops bob from writing", async () => {
    await alice.openChannel('General');
    await channelOptions(alice).click();
    await alice.page.getByRole('menuitem', { name: 'Members…' }).click();
    await dialog(alice).getByRole('button', { name: 'Ban Bob Nguyen' }).click();
    await expect(
      dialog(alice).locator('[data-user-id="bob"]').getByTestId('member-banned'),
    ).toBeVisible();
    await dialog(alice).getByRole('button', { name: 'Close' }).click();

    await expect(bob.page.getByTestId('composer-disabled-reason')).toHaveText(
      /You are banned from this channel/,
    );
    await expect(bob.composer).toBeDisabled();
    await bob.screenshot('composer-bob-banned');
  });

  test('fits a 360 px phone: composer with a file, channel menu, search', async () => {
    await bob.page.setViewportSize({ width: 360, height: 740 });
    const fitsWidth = () =>
      bob.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await bob.backToChannels();
    await expect(bob.page.getByRole('searchbox', { name: 'Search messages' })).toBeVisible();
    expect(await fitsWidth()).toBe(true);
    await bob.openChannel('Launch plans');
    await fileInput(bob).setInputFiles([
      {
        name: 'a-file-with-a-rather-long-name.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('x'),
      },
    ]);
    await expect(previews(bob)).toHaveAttribute('data-state', 'success');
    await channelOptions(bob).click();
    await expect(bob.page.getByRole('menu', { name: 'Channel options' })).toBeVisible();
    expect(await fitsWidth()).toBe(true);
    await bob.screenshot('composer-bob-360px');
    await bob.page.keyboard.press('Escape');
    await expect(channelOptions(bob)).toBeFocused();
  });
});
