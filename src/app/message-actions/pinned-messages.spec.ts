import { TestBed } from '@angular/core/testing';
import { DemoSession } from '../session/demo-session.service';
import { StreamChatFakes, fakeChannel, fakeMessage } from 'ngx-stream-chat/testing';
import { openChannel, provideDemoTesting } from '../testing/demo-test-providers';
import { PinnedMessages } from './pinned-messages';

describe('PinnedMessages', () => {
  it('unfolds the pinned messages, newest first, and jumps to the one picked', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideDemoTesting({ user: 'alice' }),
        { provide: DemoSession, useValue: { report: () => undefined } },
      ],
    });
    const fixture = TestBed.createComponent(PinnedMessages);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.textContent?.trim()).toBe('');

    const general = fakeChannel('general');
    TestBed.inject(StreamChatFakes).messages.set(
      [
        fakeMessage({ id: 'p1', text: 'First pin', user: { id: 'bob', name: 'Bob Nguyen' } }),
        fakeMessage({ id: 'm', text: 'Not pinned' }),
        fakeMessage({ id: 'p2', text: 'Second pin', user: { id: 'carol', name: 'Carol' } }),
      ].map((message) => ({ ...message, pinned: message.id !== 'm' })),
      { channel: general },
    );
    const fakes = await openChannel(general);
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
    expect(fakes.channels.calls('jumpToMessage')).toEqual([['p1']]);
    expect(element.querySelector('ul')).toBeNull();
  });
});
