import { TestBed } from '@angular/core/testing';
import { FakeChannelService, chatMessage, provideChatFakes } from '../testing/chat-fakes';
import { QuotePreview } from './quote-preview';

describe('QuotePreview', () => {
  it('shows the quoted message while there is one, and drops it on request', async () => {
    const channels = new FakeChannelService();
    TestBed.configureTestingModule({ providers: provideChatFakes(undefined, channels) });
    const fixture = TestBed.createComponent(QuotePreview);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-testid="quote-preview"]')).toBeNull();

    channels.messageToQuote.set(chatMessage({ text: 'Lunch?' }));
    await fixture.whenStable();
    const preview = element.querySelector('[data-testid="quote-preview"]')!;
    expect(preview.querySelector('.label')?.textContent).toBe('Replying to');
    expect(preview.querySelector('.author')?.textContent).toBe('Bob Nguyen');
    expect(preview.querySelector('.text')?.textContent).toBe('Lunch?');
    element.querySelector<HTMLButtonElement>('[aria-label="Cancel the quote"]')!.click();
    await fixture.whenStable();
    expect(channels.calls).toContainEqual(['selectMessageToQuote', undefined]);
    expect(element.querySelector('[data-testid="quote-preview"]')).toBeNull();
  });
});
