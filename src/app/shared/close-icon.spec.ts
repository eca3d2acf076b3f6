import { TestBed } from '@angular/core/testing';
import { CloseIcon } from './close-icon';

describe('CloseIcon', () => {
  it('draws the cross at the size asked, hidden from assistive technology', async () => {
    const fixture = TestBed.createComponent(CloseIcon);
    fixture.componentRef.setInput('size', 16);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.getAttribute('aria-hidden')).toBe('true');
    const svg = element.querySelector('svg')!;
    expect([svg.getAttribute('width'), svg.getAttribute('height')]).toEqual(['16', '16']);
    expect(svg.querySelector('path')).not.toBeNull();
  });
});
