import { TestBed } from '@angular/core/testing';
import { FakeChannelService, fakeChannel, provideChatFakes } from '../testing/chat-fakes';
import { ChannelListItem } from './channel-list-item';
import { summarizeChannel } from './channel-summary';

describe('ChannelListItem', () => {
  it('shows the name, the preview and a live unread badge, and emits when picked', async () => {
    const channels = new FakeChannelService();
    TestBed.configureTestingModule({ providers: provideChatFakes(undefined, channels) });
    const fixture = TestBed.createComponent(ChannelListItem);
    const channel = fakeChannel('alice-bob', {
      name: 'Alice and Bob',
      messages: [{ text: 'Lunch?', user: { id: 'alice', name: 'Alice Martin' } }],
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

    channels.unreadCounts.set({ 'messaging:alice-bob': 2 });
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
