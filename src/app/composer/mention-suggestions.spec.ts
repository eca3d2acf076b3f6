import { TestBed } from '@angular/core/testing';
import type { UserResponse } from 'stream-chat';
import { MentionSuggestions } from './mention-suggestions';

describe('MentionSuggestions', () => {
  it('lists the users as options, marks the active one, and emits the one clicked', async () => {
    const fixture = TestBed.createComponent(MentionSuggestions);
    fixture.componentRef.setInput('users', [
      { id: 'bob', name: 'Bob Nguyen' },
      { id: 'carol' },
    ] as UserResponse[]);
    fixture.componentRef.setInput('activeIndex', 1);
    const picked: string[] = [];
    fixture.componentInstance.picked.subscribe((user) => picked.push(user.id));
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const listbox = element.querySelector('[role="listbox"]')!;
    expect(listbox.id).toBe('mention-suggestions');
    const options = [...element.querySelectorAll<HTMLElement>('[role="option"]')];
    expect(options.map((o) => o.id)).toEqual(['mention-suggestions-0', 'mention-suggestions-1']);
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    expect(options[1].querySelector('.name')?.textContent).toBe('carol');
    options[0].click();
    expect(picked).toEqual(['bob']);
  });
});
