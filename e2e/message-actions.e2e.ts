import { Locator, expect, test } from '@playwright/test';
import type { SeedMessage } from 'stream-chat-emulator';
import { demoSeed } from '../demo-server/demo-seed';
import { DemoPage, PHONE } from './support/demo-page';
import { DemoStack, startDemoStack } from './support/demo-stack';

/** The channel of this file: 40 older notes (more than a page), the newest quoting the first. */
const CHANNEL = 'Launch prep';
const NOTES = 40;

function launchPrepMessages(now: number): SeedMessage[] {
  return Array.from({ length: NOTES }, (_, index) => ({
    id: `launch-${index + 1}`,
    user_id: 'carol',
    text: index === NOTES - 1 ? 'As the first note said: ship it.' : `Launch note ${index + 1}`,
    created_at: new Date(now - (NOTES - index) * 60_000).toISOString(),
    ...(index === NOTES - 1 ? { quoted_message_id: 'launch-1' } : {}),
  }));
}

/**
 * The message features, between two people in two browser contexts (Alice at 1280 px, Bob on a
 * 390 px phone): for each, what the other one sees.
 */
test.describe('message actions', () => {
  test.describe.configure({ mode: 'serial', timeout: 90_000 });

  let stack: DemoStack;
  let alice: DemoPage;
  let bob: DemoPage;

  test.beforeAll(async ({ browser }) => {
    const seed = demoSeed();
    const now = Date.now();
    seed.channels.push({
      type: 'messaging',
      id: 'launch-prep',
      name: CHANNEL,
      created_by_id: 'carol',
      members: [
        { user_id: 'alice', last_read: new Date(now).toISOString() },
        { user_id: 'bob', last_read: new Date(now).toISOString() },
        'carol',
      ],
      messages: launchPrepMessages(now),
    });
    stack = await startDemoStack({ seed });
    alice = await DemoPage.open(browser, stack.appUrl);
    bob = await DemoPage.open(browser, stack.appUrl, PHONE);
    await alice.connectAndWait({ mode: 'Token provider', user: 'Alice Martin' });
    await bob.connectAndWait({ mode: 'Token provider', user: 'Bob Nguyen' });
    await alice.openChannel(CHANNEL);
    await bob.openChannel(CHANNEL);
  });

  test.afterAll(async () => {
    await Promise.all([alice?.close(), bob?.close()]);
    await stack?.close();
  });

  /** The channel's message list (not the thread panel's copies). */
  const log = (demo: DemoPage) => demo.page.getByRole('log', { name: `Messages in ${CHANNEL}` });
  /** A message of the channel's list, by its text. */
  const inList = (demo: DemoPage, text: string) =>
    log(demo)
      .locator('demo-message-item')
      .filter({ has: demo.page.getByTestId('message-text').getByText(text, { exact: true }) });
  const thread = (demo: DemoPage) => demo.page.getByTestId('thread-panel');
  /** Opens a message's action menu and picks an entry. */
  const act = async (demo: DemoPage, message: Locator, entry: string) => {
    await message.hover();
    await message.getByRole('button', { name: /^Actions for the message/ }).click();
    await demo.page.getByRole('menuitem', { name: entry, exact: true }).click();
  };
  const byId = (demo: DemoPage, id: string) =>
    log(demo).locator(`demo-message-item[data-message-id="${id}"]`);

  test('shows alice who has seen her latest message', async () => {
    await alice.send('Who is up for a demo?');
    await expect(inList(alice, 'Who is up for a demo?').getByTestId('seen-by')).toHaveText(
      'Seen by Bob Nguyen',
    );
  });

  test('shows alice the reaction bob picks, and who reacted, on hover and on focus', async () => {
    const bobsView = inList(bob, 'Who is up for a demo?');
    await bobsView.hover();
    await bobsView.getByRole('button', { name: /^Add a reaction/ }).click();
    await bob.page.getByRole('menuitemcheckbox', { name: 'Thumbs up' }).click();

    const chip = inList(alice, 'Who is up for a demo?').getByTestId('reaction-like');
    await expect(chip).toHaveText(/👍\s*1/);
    await expect(chip).toHaveAttribute('aria-pressed', 'false');
    await chip.hover();
    await expect(inList(alice, 'Who is up for a demo?').getByTestId('reactors-like')).toHaveText(
      'Bob Nguyen',
    );

    // Alice adds hers by clicking the chip; Bob sees 2, and on focus, who.
    await chip.click();
    const bobsChip = bobsView.getByTestId('reaction-like');
    await expect(bobsChip).toHaveText(/👍\s*2/);
    await expect(bobsChip).toHaveAttribute('aria-pressed', 'true');
    await bobsChip.focus();
    await expect(bobsView.getByTestId('reactors-like')).toHaveText('You and Alice Martin');
  });

  test('picks a reaction with the keyboard alone', async () => {
    const message = inList(alice, 'Who is up for a demo?');
    await message.getByRole('button', { name: /^Add a reaction/ }).focus();
    await alice.page.keyboard.press('Enter');
    await expect(alice.page.getByRole('menuitemcheckbox', { name: 'Thumbs up' })).toBeFocused();
    await alice.page.keyboard.press('ArrowRight');
    await alice.page.keyboard.press('ArrowRight');
    await expect(alice.page.getByRole('menuitemcheckbox', { name: 'Laughing' })).toBeFocused();
    await alice.page.keyboard.press('Enter');
    await expect(message.getByRole('button', { name: /^Add a reaction/ })).toBeFocused();
    await expect(inList(bob, 'Who is up for a demo?').getByTestId('reaction-haha')).toHaveText(
      /😂\s*1/,
    );
  });

  test('shows the thread, the typing in it, the replies and a live reply count', async () => {
    await act(alice, inList(alice, 'Who is up for a demo?'), 'Reply in thread');
    await expect(thread(alice).getByTestId('thread-reply-count')).toHaveText('No replies yet');
    await expect(alice.page.locator('#thread-input')).toBeFocused();

    await act(bob, inList(bob, 'Who is up for a demo?'), 'Reply in thread');
    await expect(thread(bob)).toBeVisible();
    await bob.page.locator('#thread-input').pressSequentially('Me', { delay: 30 });
    await expect(alice.page.getByTestId('thread-typing-indicator')).toHaveText(
      'Bob Nguyen is typing…',
    );
    await bob.page.locator('#thread-input').pressSequentially(', after lunch', { delay: 10 });
    await bob.page.locator('#thread-input').press('Enter');

    await expect(
      thread(alice).getByTestId('message-text').getByText('Me, after lunch'),
    ).toBeVisible();
    await expect(alice.page.getByTestId('thread-typing-indicator')).toHaveText('');
    await expect(thread(alice).getByTestId('thread-reply-count')).toHaveText('1 reply');
    await expect(inList(alice, 'Who is up for a demo?').getByTestId('reply-count')).toHaveText(
      '1 reply',
    );
    // The reply stays in the thread, not in the channel.
    await expect(inList(alice, 'Me, after lunch')).toHaveCount(0);

    // Alice answers in the thread; Bob (on a phone, the thread over the channel) sees it.
    await alice.page.locator('#thread-input').fill('Great, 14:00 then.');
    await alice.page.locator('#thread-input').press('Enter');
    await expect(
      thread(bob).getByTestId('message-text').getByText('Great, 14:00 then.'),
    ).toBeVisible();
    await expect(inList(alice, 'Who is up for a demo?').getByTestId('reply-count')).toHaveText(
      '2 replies',
    );

    await bob.page.getByRole('button', { name: 'Close the thread' }).click();
    await expect(thread(bob)).toHaveCount(0);
    await expect(inList(bob, 'Who is up for a demo?').getByTestId('reply-count')).toHaveText(
      '2 replies',
    );
    await alice.page.keyboard.press('Escape');
    await expect(thread(alice)).toHaveCount(0);
  });

  test('shows bob the edit of alice, marked as edited', async () => {
    await act(alice, inList(alice, 'Who is up for a demo?'), 'Edit');
    const field = alice.page.getByRole('textbox', { name: 'Edit the message' });
    await expect(field).toBeFocused();
    await field.fill('Who is up for a demo at 14:00?');
    await field.press('Enter');
    const edited = inList(bob, 'Who is up for a demo at 14:00?');
    await expect(edited).toBeVisible();
    await expect(edited.getByTestId('message-edited')).toHaveText('Edited');
    await expect(inList(bob, 'Who is up for a demo?')).toHaveCount(0);
  });

  test('shows alice the quote in bob’s reply, and takes her to the quoted message', async () => {
    await act(bob, inList(bob, 'Who is up for a demo at 14:00?'), 'Quote');
    const preview = bob.page.getByTestId('quote-preview');
    await expect(preview).toContainText('Who is up for a demo at 14:00?');
    await preview.getByRole('button', { name: 'Cancel the quote' }).click();
    await expect(preview).toHaveCount(0);

    await act(bob, inList(bob, 'Who is up for a demo at 14:00?'), 'Quote');
    await expect(preview).toContainText('Alice Martin');
    await bob.send('Count me in');
    await expect(preview).toHaveCount(0);

    const reply = inList(alice, 'Count me in');
    await expect(reply.getByTestId('message-quote')).toContainText(
      'Who is up for a demo at 14:00?',
    );
    await reply.getByTestId('message-quote').click();
    await expect(inList(alice, 'Who is up for a demo at 14:00?')).toHaveClass(/highlighted/);
  });

  test('jumps to a quoted message far up the channel, then back down to the latest', async () => {
    const quoting = inList(bob, 'As the first note said: ship it.');
    await quoting.getByTestId('message-quote').click();
    const first = byId(bob, 'launch-1');
    await expect(first).toHaveClass(/highlighted/);
    await expect(first).toBeInViewport();
    // Newer pages load below as needed; the pill takes Bob back down to the latest.
    await expect(inList(bob, 'Count me in')).not.toBeInViewport();
    await bob.page.getByTestId('new-messages-pill').click();
    await expect(inList(bob, 'Count me in')).toBeInViewport();
  });

  test('shows bob the message alice pins, in the pinned list, which takes him to it', async () => {
    await act(alice, inList(alice, 'Count me in'), 'Pin');
    await expect(inList(bob, 'Count me in').getByTestId('message-pinned')).toHaveText('Pinned');
    const toggle = bob.page.getByTestId('pinned-toggle');
    await expect(toggle).toHaveText(/1 pinned message/);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const list = bob.page.getByRole('list', { name: 'Pinned messages' });
    await expect(list).toContainText('Count me in');
    await list.getByRole('button').first().click();
    await expect(inList(bob, 'Count me in')).toHaveClass(/highlighted/);

    await act(alice, inList(alice, 'Count me in'), 'Unpin');
    await expect(inList(bob, 'Count me in').getByTestId('message-pinned')).toHaveCount(0);
    await expect(toggle).toHaveCount(0);
  });

  test('asks before deleting, and shows alice the message as deleted', async () => {
    await bob.send('Oops, wrong channel');
    const id = (await inList(alice, 'Oops, wrong channel').getAttribute('data-message-id'))!;
    await act(bob, inList(bob, 'Oops, wrong channel'), 'Delete');
    const dialog = bob.page.getByRole('alertdialog', { name: 'Delete this message?' });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await bob.page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(inList(bob, 'Oops, wrong channel')).toBeVisible();

    await act(bob, inList(bob, 'Oops, wrong channel'), 'Delete');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(byId(alice, id).getByTestId('message-text')).toHaveText(
      'This message was deleted.',
    );
    await expect(byId(alice, id)).toHaveClass(/deleted/);
  });

  test('marks a message unread for bob: his badge comes back', async () => {
    await act(bob, inList(bob, 'Who is up for a demo at 14:00?'), 'Mark unread');
    await expect(
      inList(bob, 'Who is up for a demo at 14:00?').getByTestId('message-notice'),
    ).toHaveText('Marked unread');
    await bob.backToChannels();
    await expect(bob.channelUnread(CHANNEL)).toHaveText(/^\s*[1-9]\d* unread\s*$/);
    await bob.openChannel(CHANNEL);
    await expect(bob.page.getByRole('separator', { name: 'New messages' })).toBeVisible();
  });

  test('flags a message after a confirmation; the moderators get it', async () => {
    const reply = inList(alice, 'Count me in');
    const id = (await reply.getAttribute('data-message-id'))!;
    await act(alice, reply, 'Flag');
    await alice.page
      .getByRole('alertdialog', { name: 'Flag this message?' })
      .getByRole('button', { name: 'Flag' })
      .click();
    await expect(reply.getByTestId('message-notice')).toHaveText('Flagged for the moderators');
    const flags = () => stack.emulator.snapshot()['flags'] as { user_id: string }[] | undefined;
    await expect
      .poll(flags)
      .toContainEqual(expect.objectContaining({ user_id: 'alice', target_message_id: id }));
    // Nothing changes for Bob: flags are private to the moderators.
    await expect(inList(bob, 'Count me in').getByTestId('message-notice')).toBeHidden();
  });

  test('labels every control of the messages, their menus and the thread', async () => {
    await act(alice, inList(alice, 'Who is up for a demo at 14:00?'), 'Reply in thread');
    await expect(thread(alice)).toBeVisible();
    for (const demo of [alice, bob]) {
      const tree = await demo.page.locator('body').ariaSnapshot();
      const unnamed = tree
        .split('\n')
        .filter((line) =>
          /^\s*- (button|textbox|checkbox|radio|link|combobox|menuitem\w*)(\s*\[[^\]]*\])*:?$/.test(
            line,
          ),
        );
      expect(unnamed, `unnamed controls:\n${tree}`).toEqual([]);
    }
    await alice.screenshot('message-actions-alice-thread');
    await bob.screenshot('message-actions-bob-390px');
  });
});
