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
 * The emulator's default seed, with alice moderating General, and "Launch plans" and "Roadmap"
 * where alice is alone (to invite bob to).
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
  data.channels.push({
    type: 'messaging',
    id: 'roadmap',
    name: 'Roadmap',
    created_by_id: 'alice',
    members: ['alice'],
    messages: [{ user_id: 'alice', text: 'Next quarter, in order.' }],
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

  /** Opens the open channel's Members dialog. */
  const openMembers = async (person: DemoPage) => {
    await channelOptions(person).click();
    await person.page.getByRole('menuitem', { name: 'Members…' }).click();
  };
  /** Alice invites bob from the channel's Members dialog (left open); bob's row there. */
  const aliceInvitesBob = async (channel: string): Promise<Locator> => {
    await alice.openChannel(channel);
    await openMembers(alice);
    await dialog(alice).getByRole('button', { name: 'Invite Bob Nguyen' }).click();
    const bobRow = dialog(alice).locator('[data-user-id="bob"]');
    await expect(bobRow.getByTestId('member-invited')).toBeVisible();
    return bobRow;
  };

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

  test('cancels an upload in progress; the file is deleted and bob gets the message alone', async () => {
    // The upload is held until the test lets it through, so it is cancelled mid-way.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const upload = '**/channels/messaging/alice-bob/file?**';
    await alice.page.route(upload, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      await held;
      return route.fallback();
    });
    const deleted = alice.page.waitForRequest(
      (request) => request.method() === 'DELETE' && /\/alice-bob\/file\?/.test(request.url()),
    );
    await fileInput(alice).setInputFiles([
      { name: 'slides.txt', mimeType: 'text/plain', buffer: Buffer.from('Slide 1') },
    ]);
    const slides = previews(alice).filter({ hasText: 'slides.txt' });
    await expect(slides).toHaveAttribute('data-state', 'uploading');
    await expect(slides.getByRole('progressbar')).toBeVisible();
    await slides.getByRole('button', { name: 'Cancel upload of slides.txt' }).click();
    await expect(previews(alice)).toHaveCount(0);

    // Once the server has the file, the library deletes it.
    release();
    const deletion = await deleted;
    expect(deletion.url()).toContain(encodeURIComponent('slides.txt'));
    await alice.page.unroute(upload);
    await alice.send('The slides can wait');
    const message = bob.message('The slides can wait');
    await expect(message).toBeVisible();
    await expect(message.getByTestId('message-file')).toHaveCount(0);
  });

  test("counts down to the channel's length limit, and refuses a message over it", async () => {
    const counter = alice.page.getByTestId('composer-counter');
    const send = alice.page.getByRole('button', { name: 'Send' });
    const long = (length: number) => 'Long note: '.padEnd(length, 'x');
    await alice.composer.fill(long(3999));
    await expect(counter).toHaveCount(0);
    await alice.composer.fill(long(4000));
    await expect(counter).toHaveText('4000 / 5000 characters');
    await expect(counter).not.toHaveClass(/over/);

    await alice.composer.fill(long(5001));
    await expect(counter).toHaveText('5001 / 5000 characters');
    await expect(counter).toHaveClass(/over/);
    await expect(alice.composer).toHaveAttribute('aria-invalid', 'true');
    await expect(send).toBeDisabled();
    await alice.composer.press('Enter');
    await expect(alice.composer).toHaveValue(long(5001));

    await alice.composer.press('Backspace');
    await expect(counter).toHaveText('5000 / 5000 characters');
    await expect(send).toBeEnabled();
    await alice.composer.press('Enter');
    await expect(counter).toHaveCount(0);
    const received = bob.messages.filter({
      has: bob.page.getByTestId('message-text').getByText('Long note: xxx'),
    });
    await expect(received).toHaveCount(1);
    expect((await received.getByTestId('message-text').innerText()).trim()).toBe(long(5000));
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
    const searchbox = bob.page.getByRole('searchbox', { name: 'Search messages' });
    const hit = bob.page.getByTestId('search-hit');
    const summary = bob.page.getByRole('status').filter({ hasText: /found$/ });
    await searchbox.fill('zeppelin');
    await searchbox.press('Enter');
    await expect(summary).toHaveText('No messages found');
    await expect(hit).toHaveCount(0);
    await searchbox.fill('the files');
    await searchbox.press('Enter');
    await expect(summary).toHaveText('1 message found');
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
    const bobRow = await aliceInvitesBob('Launch plans');

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

  test('bob declines an invitation: alice sees it declined, and he is not in the channel', async () => {
    const bobRow = await aliceInvitesBob('Roadmap');

    const invitation = bob.page.getByTestId('invitation').filter({ hasText: 'Roadmap' });
    await invitation.getByRole('button', { name: 'Decline the invitation to Roadmap' }).click();
    await expect(invitation).toHaveCount(0);
    await expect(bob.channel('Roadmap')).toHaveCount(0);

    await expect(bobRow.getByTestId('member-declined')).toHaveText('Declined the invitation');
    await expect(bobRow.getByTestId('member-invited')).toHaveCount(0);
    await dialog(alice).getByRole('button', { name: 'Close' }).click();
    // Declined is final for him: after a reload, no invitation comes back.
    await bob.page.reload();
    await bob.connectAndWait({ mode: 'Token provider', user: 'Bob Nguyen' });
    await expect(bob.channel('General')).toBeVisible();
    await expect(bob.page.getByTestId('invitation')).toHaveCount(0);
    await expect(bob.channel('Roadmap')).toHaveCount(0);
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

  test('alice mutes bob: his messages raise no badge for her, until she unmutes him', async () => {
    await alice.openChannel('General');
    await openMembers(alice);
    const bobRow = dialog(alice).locator('[data-user-id="bob"]');
    await dialog(alice).getByRole('button', { name: 'Mute Bob Nguyen' }).click();
    await expect(bobRow.getByTestId('member-muted')).toBeVisible();
    await expect(dialog(alice).getByRole('button', { name: 'Unmute Bob Nguyen' })).toBeVisible();
    await dialog(alice).getByRole('button', { name: 'Close' }).click();

    // Muting is not banning: bob still writes, alice gets the message without a badge.
    await bob.openChannel('Alice and Bob');
    await bob.send('Said while muted');
    await expect(alice.channel('Alice and Bob').getByTestId('channel-preview')).toHaveText(
      'Bob Nguyen: Said while muted',
    );
    await expect(alice.channelUnread('Alice and Bob')).toHaveCount(0);

    await openMembers(alice);
    await dialog(alice).getByRole('button', { name: 'Unmute Bob Nguyen' }).click();
    await expect(bobRow.getByTestId('member-muted')).toHaveCount(0);
    await dialog(alice).getByRole('button', { name: 'Close' }).click();
    await bob.send('Said after the unmute');
    // Only the message written after the unmute counts.
    await expect(alice.channelUnread('Alice and Bob')).toHaveText('1 unread');
  });

  test('alice pins one channel and archives another; both stay after a reload, bob sees neither', async () => {
    const list = (person: DemoPage, name: string) =>
      person.page.getByRole('list', { name, exact: true });
    const archivedToggle = alice.page.getByRole('button', { name: /^Archived \(\d+\)$/ });
    await alice.openChannel('Launch plans');
    await channelOptions(alice).click();
    await alice.page.getByRole('menuitem', { name: 'Pin channel' }).click();
    await expect(list(alice, 'Pinned').locator('demo-channel-list-item')).toHaveCount(1);
    await expect(list(alice, 'Pinned')).toContainText('Launch plans');

    await alice.openChannel('Alice and Bob');
    await channelOptions(alice).click();
    await alice.page.getByRole('menuitem', { name: 'Archive channel' }).click();
    await expect(list(alice, 'Channels')).not.toContainText('Alice and Bob');
    await expect(archivedToggle).toHaveText(/Archived \(1\)/);
    await expect(archivedToggle).toHaveAttribute('aria-expanded', 'false');
    await archivedToggle.click();
    await expect(list(alice, 'Archived channels')).toContainText('Alice and Bob');

    // Pins and archives are alice's own: bob's list has no groups.
    await expect(list(bob, 'Pinned')).toHaveCount(0);
    await expect(bob.page.getByRole('button', { name: /^Archived/ })).toHaveCount(0);
    await expect(list(bob, 'Channels')).toContainText('Launch plans');
    await expect(list(bob, 'Channels')).toContainText('Alice and Bob');

    // The server keeps them: after a reload alice finds the same groups.
    await alice.page.reload();
    await alice.connectAndWait({ mode: 'Token provider', user: 'Alice Martin' });
    await expect(list(alice, 'Pinned')).toContainText('Launch plans');
    await expect(list(alice, 'Channels')).not.toContainText('Launch plans');
    await expect(archivedToggle).toHaveText(/Archived \(1\)/);
    await expect(list(alice, 'Channels')).not.toContainText('Alice and Bob');
    await alice.screenshot('channels-alice-pinned-and-archived');
  });

  test("the moderator's ban stops bob from writing", async () => {
    await bob.openChannel('General');
    await alice.openChannel('General');
    await openMembers(alice);
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
