import { TestBed } from '@angular/core/testing';
import { chatMessage } from '../testing/chat-fakes';
import { MessageItem } from './message-item';

describe('MessageItem', () => {
  async function render(message = chatMessage(), own = false) {
    const fixture = TestBed.createComponent(MessageItem);
    fixture.componentRef.setInput('message', message);
    fixture.componentRef.setInput('own', own);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it("shows the sender, the time and the text of someone else's message", async () => {
    const { element } = await render();
    expect(element.querySelector('[data-testid="message-sender"]')?.textContent).toBe('Bob Nguyen');
    expect(element.querySelector('time')?.getAttribute('datetime')).toBe(
      '2024-05-01T09:05:00.000Z',
    );
    expect(element.querySelector('[data-testid="message-text"]')?.textContent).toBe('Hello');
    expect(element.classList.contains('own')).toBe(false);
    expect(element.querySelector('demo-user-avatar')).not.toBeNull();
  });

  it('sets your own messages apart', async () => {
    const { element } = await render(chatMessage(), true);
    expect(element.classList.contains('own')).toBe(true);
    expect(element.querySelector('[data-testid="message-sender"]')?.textContent).toBe('You');
    expect(element.querySelector('demo-user-avatar')).toBeNull();
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
