import { TestBed } from '@angular/core/testing';
import { MemberPresence } from './channel-presence';
import { MemberFaces } from './member-faces';

function member(id: string, online: boolean): MemberPresence {
  return { id, name: id.toUpperCase(), image: undefined, online };
}

describe('MemberFaces', () => {
  it('shows up to four faces with presence, names them for screen readers, and counts the rest', async () => {
    const fixture = TestBed.createComponent(MemberFaces);
    fixture.componentRef.setInput('members', [
      member('a', true),
      member('b', false),
      member('c', false),
      member('d', false),
      member('e', false),
      member('f', false),
    ]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('ul')?.getAttribute('aria-label')).toBe('Members');
    expect(element.querySelectorAll('demo-user-avatar')).toHaveLength(4);
    expect(element.querySelectorAll('.dot.online')).toHaveLength(1);
    expect(element.querySelector('li .visually-hidden')?.textContent).toBe('A, online');
    expect(element.querySelector('.more')?.textContent).toBe('+2 more');
  });
});
