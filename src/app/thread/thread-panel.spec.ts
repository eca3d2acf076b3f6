import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DemoSession } from '../session/demo-session.service';
import { Clock } from '../shared/clock';
import { ChannelService } from 'ngx-stream-chat';
import { StreamChatFakes, fakeChannel, fakeMessage } from 'ngx-stream-chat/testing';
import { openChannel, provideDemoTesting } from '../testing/demo-test-providers';
import { ThreadPanel, replyCountText } from './thread-panel';

describe('ThreadPanel', () => {
  let fakes: StreamChatFakes;

  async function render() {
    TestBed.configureTestingModule({
      providers: [
        provideDemoTesting({ user: 'alice' }),
        { provide: Clock, useValue: { now: signal(new Date('2024-05-01T10:00:00.000Z')) } },
        { provide: DemoSession, useValue: { report: () => undefined } },
      ],
    });
    fakes = TestBed.inject(StreamChatFakes);
    const general = fakeChannel('general');
    const parent = fakeMessage({ id: 'p', text: 'Demo?', reply_count: 1 });
    fakes.messages.set(
      [parent, fakeMessage({ id: 'r1', text: 'Me!', parent_id: 'p', user: { id: 'alice' } })],
      { channel: general },
    );
    await openChannel(general);
    await TestBed.inject(ChannelService).setAsActiveParentMessage(parent);
    fakes.channels.setPaging({ hasMoreThreadReplies: true });
    fakes.clearCalls();
    const fixture = TestBed.createComponent(ThreadPanel);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => document.body.replaceChildren());

  it('counts replies in words', () => {
    expect(replyCountText(0)).toBe('No replies yet');
    expect(replyCountText(1)).toBe('1 reply');
    expect(replyCountText(3)).toBe('3 replies');
  });

  it('shows the parent, its replies and who types, and loads older replies', async () => {
    const { fixture, element } = await render();
    expect(element.querySelector('[data-testid="thread-reply-count"]')?.textContent).toBe(
      '1 reply',
    );
    const texts = [...element.querySelectorAll('[data-testid="message-text"]')].map((p) =>
      p.textContent?.trim(),
    );
    expect(texts).toEqual(['Demo?', 'Me!']);
    expect(element.querySelector('#thread-input')).toBe(document.activeElement);

    fakes.channels.setTyping([{ id: 'bob', name: 'Bob Nguyen' }], true);
    await fixture.whenStable();
    expect(
      element.querySelector('[data-testid="thread-typing-indicator"]')?.textContent?.trim(),
    ).toBe('Bob Nguyen is typing…');

    fakes.messages.queuePage([fakeMessage({ id: 'r0', text: 'Earlier', parent_id: 'p' })], {
      parentId: 'p',
    });
    [...element.querySelectorAll<HTMLButtonElement>('button')]
      .find((button) => button.textContent?.trim() === 'Load older replies')!
      .click();
    await fixture.whenStable();
    expect(fakes.channels.calls('loadMoreThreadReplies')).toEqual([[]]);
    expect(
      [...element.querySelectorAll('[data-testid="message-text"]')].map((p) =>
        p.textContent?.trim(),
      ),
    ).toEqual(['Demo?', 'Earlier', 'Me!']);
  });

  it('sends a reply in the thread, typing events with the parent id', async () => {
    const { fixture, element } = await render();
    const field = element.querySelector<HTMLTextAreaElement>('#thread-input')!;
    field.value = 'Count me in';
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await fixture.whenStable();
    expect(fakes.channels.calls('sendMessage')).toEqual([
      ['Count me in', undefined, undefined, 'p'],
    ]);
    expect(fakes.channels.calls('typingStarted')).toEqual([['p']]);
    expect(fakes.channels.calls('typingStopped')).toEqual([['p']]);
    expect(fakes.messages.of().at(-1)).toMatchObject({ text: 'Count me in', parent_id: 'p' });
  });

  it('closes with the button or Escape', async () => {
    const { fixture, element } = await render();
    element.querySelector<HTMLButtonElement>('[aria-label="Close the thread"]')!.click();
    await fixture.whenStable();
    expect(fakes.channels.calls('setAsActiveParentMessage')).toEqual([[]]);
    expect(TestBed.inject(ChannelService).activeParentMessageId()).toBeUndefined();
  });
});
