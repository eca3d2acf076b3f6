import { TestBed } from '@angular/core/testing';
import { DemoSession } from '../session/demo-session.service';
import { FakeChannelService, chatMessage, provideChatFakes } from '../testing/chat-fakes';
import { PinnedMessages } from './pinned-messages';

describe('PinnedMessages', () => {
  it('unfolds the pinned messages, newest first, and jumps to the one picked', async () => {
    const channels = new FakeChannelService();
    TestBed.configureTestingModule({
      providers: [
        ...provideChatFakes(undefined, channels),
        { provide: DemoSession, useValue: { report: () => undefined } },
      ],
    });
    const fixture = TestBed.createComponent(PinnedMessages);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.textContent?.trim()).toBe('');

    channels.activeChannelPinnedMessages.set([
      chatMessage({ id: 'p1', text: 'First pin' }),
      chatMessage({ id: 'p2', text: 'Second pin', user: { id: 'carol', name: 'Carol' } }),
    ]);
    await fixture.whenStable();
    const toggle = element.querySelector<HTMLButtonElement>('[data-testid="pinned-toggle"]')!;
    expect(toggle.textContent?.trim()).toBe('2 pinned messages');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await fixture.whenStable();
    const items = [...element.querySelectorAll<HTMLButtonElement>('ul button')];
    expect(
      items.map((item) => [...item.children].map((part) => part.textContent?.trim()).join(': ')),
    ).toEqual(['Carol: Second pin', 'Bob Nguyen: First pin']);
    items[1].click();
    await fixture.whenStable();
    expect(channels.calls).toContainEqual(['jumpToMessage', 'p1']);
    expect(element.querySelector('ul')).toBeNull();
  });
});
