import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DemoSession } from '../session/demo-session.service';
import { Clock } from '../shared/clock';
import {
  FakeChannelService,
  FakeChatClientService,
  chatMessage,
  chatUser,
  fakeChannel,
  provideChatFakes,
} from '../testing/chat-fakes';
import { ThreadPanel, replyCountText } from './thread-panel';

describe('ThreadPanel', () => {
  let channels: FakeChannelService;

  async function render() {
    const chat = new FakeChatClientService();
    channels = new FakeChannelService();
    chat.userState.set(chatUser({ id: 'alice' }));
    channels.activeChannel.set(fakeChannel('general'));
    const parent = chatMessage({ id: 'p', text: 'Demo?', reply_count: 1 });
    channels.activeParentMessageId.set('p');
    channels.activeParentMessage.set(parent);
    channels.activeThreadMessages.set([
      chatMessage({ id: 'r1', text: 'Me!', parent_id: 'p', user: { id: 'alice' } }),
    ]);
    channels.hasMoreThreadReplies.set(true);
    TestBed.configureTestingModule({
      providers: [
        ...provideChatFakes(chat, channels),
        { provide: Clock, useValue: { now: signal(new Date('2024-05-01T10:00:00.000Z')) } },
        { provide: DemoSession, useValue: { report: () => undefined } },
      ],
    });
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

    channels.usersTypingInThread.set([{ id: 'bob', name: 'Bob Nguyen' }]);
    await fixture.whenStable();
    expect(
      element.querySelector('[data-testid="thread-typing-indicator"]')?.textContent?.trim(),
    ).toBe('Bob Nguyen is typing…');

    [...element.querySelectorAll<HTMLButtonElement>('button')]
      .find((button) => button.textContent?.trim() === 'Load older replies')!
      .click();
    expect(channels.calls).toContainEqual(['loadMoreThreadReplies']);
  });

  it('sends a reply in the thread, typing events with the parent id', async () => {
    const { fixture, element } = await render();
    const send = jest.spyOn(channels, 'sendMessage');
    const started = jest.spyOn(channels, 'typingStarted');
    const stopped = jest.spyOn(channels, 'typingStopped');
    const field = element.querySelector<HTMLTextAreaElement>('#thread-input')!;
    field.value = 'Count me in';
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await fixture.whenStable();
    expect(send.mock.calls).toEqual([['Count me in', undefined, undefined, 'p']]);
    expect(started.mock.calls).toEqual([['p']]);
    expect(stopped.mock.calls).toEqual([['p']]);
  });

  it('closes with the button or Escape', async () => {
    const { fixture, element } = await render();
    element.querySelector<HTMLButtonElement>('[aria-label="Close the thread"]')!.click();
    await fixture.whenStable();
    expect(channels.calls).toContainEqual(['setAsActiveParentMessage', undefined]);
  });
});
