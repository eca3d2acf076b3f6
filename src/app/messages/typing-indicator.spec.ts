import { TestBed } from '@angular/core/testing';
import { TypingIndicator, typingText } from './typing-indicator';

describe('TypingIndicator', () => {
  it('names who is typing', () => {
    expect(typingText([])).toBe('');
    expect(typingText([{ id: 'bob', name: 'Bob' }])).toBe('Bob is typing…');
    expect(typingText([{ id: 'bob', name: 'Bob' }, { id: 'carol' }])).toBe(
      'Bob and carol are typing…',
    );
    expect(typingText([{ id: 'a' }, { id: 'b' }, { id: 'c' }])).toBe('3 people are typing…');
  });

  it('announces it politely', async () => {
    const fixture = TestBed.createComponent(TypingIndicator);
    fixture.componentRef.setInput('users', [{ id: 'bob', name: 'Bob Nguyen' }]);
    await fixture.whenStable();
    const live = (fixture.nativeElement as HTMLElement).querySelector('[aria-live="polite"]');
    expect(live?.textContent?.trim()).toBe('Bob Nguyen is typing…');
  });
});
