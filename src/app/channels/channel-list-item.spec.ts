import { TestBed } from '@angular/core/testing';
import { StreamChatFakes, fakeChannel, fakeMessage } from 'ngx-stream-chat/testing';
import { provideDemoTesting } from '../testing/demo-test-providers';
import { ChannelListItem } from './channel-list-item';
import { summarizeChannel } from './channel-summary';

describe('ChannelListItem', () => {
  it('shows the name, the preview and a live unread badge, and emits when picked', async () => {
    TestBed.configureTestingModule({ providers: provideDemoTesting() });
    const fakes = TestBed.inject(StreamChatFakes);
    const fixture = TestBed.createComponent(ChannelListItem);
    const channel = fakeChannel('alice-bob', {
      name: 'Alice and Bob',
      messages: [fakeMessage({ text: 'Lunch?', user: { id: 'alice', name: 'Alice Martin' } })],
    });
    fixture.componentRef.setInput('summary', summarizeChannel(channel, 'bob'));
    let picked = 0;
    fixture.componentInstance.selected.subscribe(() => picked++);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('.name')?.textContent).toBe('Alice and Bob');
    expect(element.querySelector('[data-testid="channel-preview"]')?.textContent?.trim()).toBe(
      'Alice Martin: Lunch?',
    );
    expect(element.querySelector('[data-testid="channel-unread"]')).toBeNull();

    fakes.channels.setUnreadCount(channel, 2);
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="channel-unread"]')?.textContent?.trim()).toBe(
      '2 unread',
    );

    fixture.componentRef.setInput('active', true);
    await fixture.whenStable();
    const button = element.querySelector('button')!;
    expect(button.getAttribute('aria-current')).toBe('true');
    button.click();
    expect(picked).toBe(1);
  });
});
