import { TestBed } from '@angular/core/testing';
import { ListSeparator } from './list-separator';

describe('ListSeparator', () => {
  it('is a separator named by its label, set apart for the unread mark', async () => {
    const fixture = TestBed.createComponent(ListSeparator);
    fixture.componentRef.setInput('label', 'Today');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.getAttribute('role')).toBe('separator');
    expect(element.getAttribute('aria-label')).toBe('Today');
    expect(element.textContent).toBe('Today');
    expect(element.classList.contains('unread')).toBe(false);
    fixture.componentRef.setInput('tone', 'unread');
    await fixture.whenStable();
    expect(element.classList.contains('unread')).toBe(true);
  });
});
