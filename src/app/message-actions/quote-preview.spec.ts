import { TestBed } from '@angular/core/testing';
import { ChannelService } from 'ngx-stream-chat';
import { StreamChatFakes, fakeMessage } from 'ngx-stream-chat/testing';
import { provideDemoTesting } from '../testing/demo-test-providers';
import { QuotePreview } from './quote-preview';

describe('QuotePreview', () => {
  it('shows the quoted message while there is one, and drops it on request', async () => {
    TestBed.configureTestingModule({ providers: provideDemoTesting({ user: 'alice' }) });
    const fakes = TestBed.inject(StreamChatFakes);
    const fixture = TestBed.createComponent(QuotePreview);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-testid="quote-preview"]')).toBeNull();

    TestBed.inject(ChannelService).selectMessageToQuote(
      fakeMessage({ text: 'Lunch?', user: { id: 'bob', name: 'Bob Nguyen' } }),
    );
    fakes.clearCalls();
    await fixture.whenStable();
    const preview = element.querySelector('[data-testid="quote-preview"]')!;
    expect(preview.querySelector('.label')?.textContent).toBe('Replying to');
    expect(preview.querySelector('.author')?.textContent).toBe('Bob Nguyen');
    expect(preview.querySelector('.text')?.textContent).toBe('Lunch?');
    element.querySelector<HTMLButtonElement>('[aria-label="Cancel the quote"]')!.click();
    await fixture.whenStable();
    expect(fakes.channels.calls('selectMessageToQuote')).toEqual([[]]);
    expect(element.querySelector('[data-testid="quote-preview"]')).toBeNull();
  });
});
