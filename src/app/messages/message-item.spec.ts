import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ChannelService, ChatClientService, ChatMessage } from 'ngx-stream-chat';
import { StreamChatFakes, fakeChannel, fakeMessage } from 'ngx-stream-chat/testing';
import { DemoSession } from '../session/demo-session.service';
import { Clock } from '../shared/clock';
import { openChannel, provideDemoTesting } from '../testing/demo-test-providers';
import { MessageItem } from './message-item';

/** A message of Bob's, sent five minutes before the clock's time unless `overrides` say otherwise. */
function chatMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  return fakeMessage({
    id: 'm1',
    text: 'Hello',
    user: { id: 'bob', name: 'Bob Nguyen' },
    created_at: new Date('2024-05-01T09:05:00.000Z'),
    ...overrides,
  });
}

describe('MessageItem', () => {
  const now = signal(new Date('2024-05-01T09:10:00.000Z'));
  let fakes: StreamChatFakes;
  let reports: string[];

  async function render(
    message = chatMessage(),
    own = false,
    first = true,
    inputs: { seenBy?: string[]; inThread?: boolean; capabilities?: string[] } = {},
  ) {
    reports = [];
    TestBed.configureTestingModule({
      providers: [
        provideDemoTesting({ user: own ? 'bob' : 'alice' }),
        { provide: Clock, useValue: { now } },
        { provide: DemoSession, useValue: { report: (title: string) => reports.push(title) } },
      ],
    });
    const channel = fakeChannel('general', { capabilities: inputs.capabilities });
    const quoted = message.quoted_message ? [message.quoted_message as ChatMessage] : [];
    TestBed.inject(StreamChatFakes).messages.set([...quoted, message], { channel });
    fakes = await openChannel(channel);
    const fixture = TestBed.createComponent(MessageItem);
    fixture.componentRef.setInput('message', message);
    fixture.componentRef.setInput('own', own);
    fixture.componentRef.setInput('first', first);
    fixture.componentRef.setInput('seenBy', inputs.seenBy ?? []);
    fixture.componentRef.setInput('inThread', inputs.inThread ?? false);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  const byTestId = (element: HTMLElement, id: string) =>
    element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (element: HTMLElement | null) => element?.textContent?.replace(/\s+/g, ' ').trim();

  /** Opens the "Actions for…" menu and picks an entry. */
  async function pick(
    fixture: { whenStable(): Promise<unknown> },
    element: HTMLElement,
    entry: string,
  ) {
    element.querySelector<HTMLButtonElement>('[aria-label^="Actions for"]')!.click();
    await fixture.whenStable();
    const item = [...element.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find(
      (button) => text(button) === entry,
    );
    if (!item) throw new Error(`no menu entry "${entry}"`);
    item.click();
    await fixture.whenStable();
  }

  function menuEntries(element: HTMLElement): string[] {
    return [...element.querySelectorAll('[role="menuitem"]')].map((item) =>
      text(item as HTMLElement)!,
    );
  }

  it('opens a group with the sender, a relative time (full date on hover) and the text', async () => {
    const { fixture, element } = await render();
    expect(byTestId(element, 'message-sender')?.textContent).toBe('Bob Nguyen');
    const time = element.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe('2024-05-01T09:05:00.000Z');
    expect(time.textContent).toBe('5 minutes ago');
    expect(time.getAttribute('title')).toMatch(/2024/);
    expect(text(byTestId(element, 'message-text'))).toBe('Hello');
    expect(element.classList.contains('own')).toBe(false);
    expect(element.querySelector('demo-user-avatar')).not.toBeNull();

    now.set(new Date('2024-05-01T09:25:00.000Z'));
    await fixture.whenStable();
    expect(time.textContent).toBe('20 minutes ago');
    now.set(new Date('2024-05-01T09:10:00.000Z'));
  });

  it('shows only the text further down a group, the full date on hover', async () => {
    const { element } = await render(chatMessage(), false, false);
    expect(byTestId(element, 'message-sender')).toBeNull();
    expect(element.querySelector('time')).toBeNull();
    expect(element.querySelector('demo-user-avatar')).toBeNull();
    expect(byTestId(element, 'message-text')?.getAttribute('title')).toMatch(/2024/);
  });

  it('sets your own messages apart', async () => {
    const { element } = await render(chatMessage(), true);
    expect(element.classList.contains('own')).toBe(true);
    expect(byTestId(element, 'message-sender')?.textContent).toBe('You');
    expect(element.querySelector('demo-user-avatar')).toBeNull();
  });

  it('says a message was deleted, with no actions, reactions or quote', async () => {
    const { element } = await render(
      chatMessage({
        type: 'deleted',
        text: '',
        reaction_groups: { like: { count: 1, sum_scores: 1 } },
        quoted_message: chatMessage({ id: 'q' }),
      } as Partial<ChatMessage>),
    );
    expect(element.classList.contains('deleted')).toBe(true);
    expect(text(byTestId(element, 'message-text'))).toBe('This message was deleted.');
    expect(element.querySelector('demo-popup-menu')).toBeNull();
    expect(element.querySelector('demo-message-reactions')).toBeNull();
    expect(byTestId(element, 'message-quote')).toBeNull();
  });

  it.each([
    ['sending', 'Sending…'],
    ['updating', 'Saving…'],
    ['deleting', 'Deleting…'],
  ] as const)('says a message is %s, and offers no actions meanwhile', async (status, label) => {
    const { element } = await render(chatMessage({ status }), true);
    expect(element.getAttribute('data-status')).toBe(status);
    expect(text(element.querySelector('.status'))).toBe(label);
    expect(element.querySelector('[aria-label^="Actions for"]')).toBeNull();
  });

  it('shows a failed message with a retry button that sends it again', async () => {
    const { fixture, element } = await render(
      chatMessage({ status: 'failed', errorMessage: 'The server said no.' }),
      true,
    );
    expect(element.querySelector('.failed span')?.getAttribute('title')).toBe(
      'The server said no.',
    );
    element.querySelector<HTMLButtonElement>('button.retry')!.click();
    await fixture.whenStable();
    expect(fakes.calls.map(({ method, args }) => [method, ...args])).toEqual([
      ['resendMessage', fixture.componentInstance.message()],
    ]);
    expect(fakes.messages.of().at(-1)?.status).toBe('received');
  });

  it.each([
    [undefined, 'Could not send the message again'],
    ['p1', 'Could not send the reply again'],
  ])('says when sending again fails (parent %s)', async (parentId, report) => {
    const failed = chatMessage({ status: 'failed', parent_id: parentId });
    const { element } = await render(failed, true);
    // Sent again meanwhile (from another tab, say): resendMessage() refuses a message not failed.
    fakes.messages.update({ ...failed, status: 'received' });
    element.querySelector<HTMLButtonElement>('button.retry')!.click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(reports).toEqual([report]);
  });

  it('marks edited and pinned messages, and says who has seen it', async () => {
    const { element } = await render(
      chatMessage({ message_text_updated_at: '2024-05-01T09:06:00.000Z', pinned: true }),
      true,
      true,
      { seenBy: ['Alice Martin'] },
    );
    expect(text(byTestId(element, 'message-edited'))).toBe('Edited');
    expect(text(byTestId(element, 'message-pinned'))).toBe('Pinned');
    expect(text(byTestId(element, 'seen-by'))).toBe('Seen by Alice Martin');
  });

  it('offers what the channel allows: everything on your own, flag and unread on others', async () => {
    const mine = await render(chatMessage(), true);
    mine.element.querySelector<HTMLButtonElement>('[aria-label^="Actions for"]')!.click();
    await mine.fixture.whenStable();
    expect(menuEntries(mine.element)).toEqual([
      'Reply in thread',
      'Quote',
      'Edit',
      'Pin',
      'Delete',
    ]);
    TestBed.resetTestingModule();

    const theirs = await render(chatMessage(), false, true, {
      capabilities: ['send-reply', 'quote-message', 'read-events', 'flag-message'],
    });
    theirs.element.querySelector<HTMLButtonElement>('[aria-label^="Actions for"]')!.click();
    await theirs.fixture.whenStable();
    expect(menuEntries(theirs.element)).toEqual([
      'Reply in thread',
      'Quote',
      'Mark unread',
      'Flag',
    ]);
    // No send-reaction capability: no picker.
    expect(theirs.element.querySelector('[aria-label^="Add a reaction"]')).toBeNull();
  });

  it('edits in place: the new text goes to updateMessage(), Escape leaves it as it was', async () => {
    const { fixture, element } = await render(chatMessage({ text: 'Helo' }), true);
    await pick(fixture, element, 'Edit');
    const field = element.querySelector<HTMLTextAreaElement>('textarea')!;
    expect(field.value).toBe('Helo');
    field.value = 'Hello';
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await fixture.whenStable();
    expect(fakes.channels.calls('updateMessage')).toEqual([
      [expect.objectContaining({ id: 'm1', text: 'Hello' })],
    ]);
    expect(fakes.messages.of().at(-1)?.text).toBe('Hello');
    expect(element.querySelector('textarea')).toBeNull();

    await pick(fixture, element, 'Edit');
    element
      .querySelector('textarea')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await fixture.whenStable();
    expect(element.querySelector('textarea')).toBeNull();
    expect(fakes.channels.calls('updateMessage')).toHaveLength(1);
  });

  it('deletes only after the confirmation', async () => {
    const { fixture, element } = await render(chatMessage(), true);
    await pick(fixture, element, 'Delete');
    const dialog = element.querySelector<HTMLElement>('[role="alertdialog"]')!;
    expect(text(dialog.querySelector('h2'))).toBe('Delete this message?');
    expect(document.activeElement?.textContent?.trim()).toBe('Cancel');
    dialog.querySelector<HTMLButtonElement>('button')!.click();
    await fixture.whenStable();
    expect(element.querySelector('[role="alertdialog"]')).toBeNull();
    expect(fakes.channels.calls('deleteMessage')).toEqual([]);

    await pick(fixture, element, 'Delete');
    const confirm = [...element.querySelectorAll<HTMLButtonElement>('[role="alertdialog"] button')];
    confirm.find((button) => text(button) === 'Delete')!.click();
    await fixture.whenStable();
    expect(fakes.channels.calls('deleteMessage')).toEqual([
      [expect.objectContaining({ id: 'm1' })],
    ]);
    expect(fakes.messages.of().at(-1)?.type).toBe('deleted');
  });

  it('flags through the client after the confirmation, and says so', async () => {
    const { fixture, element } = await render(chatMessage());
    // Flagging reaches for the server: the spec answers it.
    const flag = jest
      .spyOn(TestBed.inject(ChatClientService).chatClient!, 'flagMessage')
      .mockResolvedValue({} as never);
    await pick(fixture, element, 'Flag');
    const buttons = [...element.querySelectorAll<HTMLButtonElement>('[role="alertdialog"] button')];
    buttons.find((button) => text(button) === 'Flag')!.click();
    await fixture.whenStable();
    expect(flag.mock.calls.map(([id]) => id)).toEqual(['m1']);
    expect(text(byTestId(element, 'message-notice'))).toBe('Flagged for the moderators');
  });

  it('reports a refused action on the banner', async () => {
    const { fixture, element } = await render(chatMessage());
    fakes.channels.failNext('markMessageUnread');
    await pick(fixture, element, 'Mark unread');
    expect(fakes.channels.calls('markMessageUnread')).toEqual([['m1']]);
    expect(reports).toEqual(['Could not mark the message unread']);
    expect(byTestId(element, 'message-notice')?.hidden).toBe(true);
  });

  it('pins, quotes and opens the thread', async () => {
    const message = chatMessage({ reply_count: 2 });
    const { fixture, element } = await render(message);
    await pick(fixture, element, 'Pin');
    expect(fakes.channels.calls('pinMessage')).toEqual([[message]]);
    expect(fakes.messages.of()[0].pinned).toBe(true);
    await pick(fixture, element, 'Quote');
    expect(TestBed.inject(ChannelService).messageToQuote()).toBe(message);
    expect(text(byTestId(element, 'reply-count'))).toBe('2 replies');
    byTestId(element, 'reply-count')!.click();
    await fixture.whenStable();
    expect(fakes.channels.calls('setAsActiveParentMessage')).toEqual([[message]]);
    expect(TestBed.inject(ChannelService).activeParentMessageId()).toBe('m1');
  });

  it('leaves thread and channel-wide actions out of the thread panel', async () => {
    const { fixture, element } = await render(chatMessage({ reply_count: 2 }), false, true, {
      inThread: true,
    });
    element.querySelector<HTMLButtonElement>('[aria-label^="Actions for"]')!.click();
    await fixture.whenStable();
    expect(menuEntries(element)).toEqual(['Edit', 'Flag', 'Delete']);
    expect(byTestId(element, 'reply-count')).toBeNull();
  });

  it('reacts from the picker, and jumps to a quoted message', async () => {
    const { fixture, element } = await render(
      chatMessage({
        quoted_message: chatMessage({ id: 'q1', text: 'Original' }),
      } as Partial<ChatMessage>),
    );
    element.querySelector<HTMLButtonElement>('[aria-label^="Add a reaction"]')!.click();
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('[aria-label="Heart"]')!.click();
    await fixture.whenStable();
    expect(fakes.channels.calls('addReaction')).toEqual([['m1', 'love']]);
    expect(
      fakes.messages
        .of()
        .at(-1)
        ?.own_reactions?.map((r) => r.type),
    ).toEqual(['love']);

    expect(text(byTestId(element, 'message-quote'))).toContain('Original');
    byTestId(element, 'message-quote')!.click();
    await fixture.whenStable();
    expect(fakes.channels.calls('jumpToMessage')).toEqual([['q1']]);
  });
});
