import { TestBed } from '@angular/core/testing';
import { SwitchUserMenu } from './switch-user-menu';

describe('SwitchUserMenu', () => {
  async function setup() {
    const fixture = TestBed.createComponent(SwitchUserMenu);
    fixture.componentRef.setInput('currentUserId', 'alice');
    const picked: string[] = [];
    fixture.componentInstance.switchTo.subscribe((id) => picked.push(id));
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const toggle = element.querySelector<HTMLButtonElement>('button')!;
    return { fixture, element, toggle, picked };
  }

  afterEach(() => document.body.replaceChildren());

  it('opens a list of the other seeded users and emits the one picked', async () => {
    const { fixture, element, toggle, picked } = await setup();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await fixture.whenStable();

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const items = [...element.querySelectorAll<HTMLButtonElement>('.item')];
    expect(items.map((item) => item.textContent?.trim())).toEqual(['Bob Nguyen', 'Carol Diaz']);
    expect(document.activeElement).toBe(items[0]);
    items[1].click();
    await fixture.whenStable();
    expect(picked).toEqual(['carol']);
    expect(element.querySelector('.item')).toBeNull();
  });

  it('closes on Escape, giving focus back to the button, and on a click outside', async () => {
    const { fixture, element, toggle } = await setup();
    toggle.click();
    await fixture.whenStable();
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();
    expect(element.querySelector('.item')).toBeNull();
    expect(document.activeElement).toBe(toggle);

    toggle.click();
    await fixture.whenStable();
    document.body.click();
    await fixture.whenStable();
    expect(element.querySelector('.item')).toBeNull();
  });
});
