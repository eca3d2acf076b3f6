import { TestBed } from '@angular/core/testing';
import { UserAvatar } from './user-avatar';

describe('UserAvatar', () => {
  async function render(inputs: Record<string, unknown>): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(UserAvatar);
    for (const [name, value] of Object.entries(inputs)) {
      fixture.componentRef.setInput(name, value);
    }
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows initials on a color when there is no image', async () => {
    const element = await render({ name: 'Alice Martin' });
    expect(element.querySelector('.initials')?.textContent?.trim()).toBe('AM');
    expect(element.querySelector('img')).toBeNull();
    expect(element.getAttribute('aria-hidden')).toBe('true');
  });

  it('shows the image when there is one', async () => {
    const element = await render({ name: 'Alice', image: 'https://example.com/a.png' });
    expect(element.querySelector('img')?.getAttribute('src')).toBe('https://example.com/a.png');
    expect(element.querySelector('.initials')).toBeNull();
  });

  it('shows an online dot only when presence is known', async () => {
    expect((await render({ name: 'A' })).querySelector('.dot')).toBeNull();
    expect((await render({ name: 'A', online: true })).querySelector('.dot.online')).not.toBeNull();
    const offline = await render({ name: 'A', online: false });
    expect(offline.querySelector('.dot')).not.toBeNull();
    expect(offline.querySelector('.dot.online')).toBeNull();
  });
});
