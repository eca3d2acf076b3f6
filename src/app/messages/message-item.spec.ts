import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Clock } from '../shared/clock';
import { chatMessage } from '../testing/chat-fakes';
import { MessageItem } from './message-item';

describe('MessageItem', () => {
  const now = signal(new Date('2024-05-01T09:10:00.000Z'));

  async function render(message = chatMessage(), own = false, first = true) {
    TestBed.configureTestingModule({ providers: [{ provide: Clock, useValue: { now } }] });
    const fixture = TestBed.createComponent(MessageItem);
    fixture.componentRef.setInput('message', message);
    fixture.componentRef.setInput('own', own);
    fixture.componentRef.setInput('first', first);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('opens a group with the sender, a relative time (full date on hover) and the text', async () => {
    const { fixture, element } = await render();
    expect(element.querySelector('[data-testid="message-sender"]')?.textContent).toBe('Bob Nguyen');
    const time = element.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe('2024-05-01T09:05:00.000Z');
    expect(time.textContent).toBe('5 minutes ago');
    expect(time.getAttribute('title')).toMatch(/2024/);
    expect(element.querySelector('[data-testid="message-text"]')?.textContent?.trim()).toBe(
      'Hello',
    );
    expect(element.classList.contains('own')).toBe(false);
    expect(element.querySelector('demo-user-avatar')).not.toBeNull();

    now.set(new Date('2024-05-01T09:25:00.000Z'));
    await fixture.whenStable();
    expect(time.textContent).toBe('20 minutes ago');
  });

  it('shows only the text further down a group, the full date on hover', async () => {
    const { element } = await render(chatMessage(), false, false);
    expect(element.querySelector('[data-testid="message-sender"]')).toBeNull();
    expect(element.querySelector('time')).toBeNull();
    expect(element.querySelector('demo-user-avatar')).toBeNull();
    expect(element.querySelector('[data-testid="message-text"]')?.getAttribute('title')).toMatch(
      /2024/,
    );
  });

  it('sets your own messages apart', async () => {
    const { element } = await render(chatMessage(), true);
    expect(element.classList.contains('own')).toBe(true);
    expect(element.querySelector('[data-testid="message-sender"]')?.textContent).toBe('You');
    expect(element.querySelector('demo-user-avatar')).toBeNull();
  });

  it('says a message was deleted', async () => {
    const { element } = await render(chatMessage({ type: 'deleted', text: '' }));
    expect(element.classList.contains('deleted')).toBe(true);
    expect(element.querySelector('[data-testid="message-text"]')?.textContent?.trim()).toBe(
      'This message was deleted.',
    );
  });

  it('says a message is being sent', async () => {
    const { element } = await render(chatMessage({ status: 'sending' }), true);
    expect(element.getAttribute('data-status')).toBe('sending');
    expect(element.querySelector('.status')?.textContent).toBe('Sending…');
  });

  it('shows a failed message with a retry button', async () => {
    const { fixture, element } = await render(
      chatMessage({ status: 'failed', errorMessage: 'The server said no.' }),
      true,
    );
    let retries = 0;
    fixture.componentInstance.retry.subscribe(() => retries++);
    expect(element.querySelector('.failed span')?.getAttribute('title')).toBe(
      'The server said no.',
    );
    element.querySelector<HTMLButtonElement>('button.retry')!.click();
    expect(retries).toBe(1);
  });
});
