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
    const press = async (key: string) => {
      (document.activeElement ?? element).dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
      );
      await fixture.whenStable();
    };
    const focusedText = () => document.activeElement?.textContent?.trim();
    return { fixture, element, toggle, picked, press, focusedText };
  }

  afterEach(() => document.body.replaceChildren());

  it('opens a list of the other seeded users and emits the one picked', async () => {
    const { fixture, element, toggle, picked } = await setup();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await fixture.whenStable();

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(element.querySelector('[role="menu"]')?.getAttribute('aria-label')).toBe(
      'Switch to another user',
    );
    const items = [...element.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
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
    (document.activeElement as HTMLElement).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    await fixture.whenStable();
    expect(element.querySelector('.item')).toBeNull();
    expect(document.activeElement).toBe(toggle);

    toggle.click();
    await fixture.whenStable();
    document.body.click();
    await fixture.whenStable();
    expect(element.querySelector('.item')).toBeNull();
  });

  it('moves focus with the arrows, Home and End, and closes on Escape', async () => {
    const { fixture, element, toggle, picked, press, focusedText } = await setup();
    toggle.focus();
    await press('ArrowUp');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(focusedText()).toBe('Carol Diaz');
    await press('ArrowDown');
    expect(focusedText()).toBe('Bob Nguyen');
    await press('ArrowUp');
    expect(focusedText()).toBe('Carol Diaz');
    await press('Home');
    expect(focusedText()).toBe('Bob Nguyen');
    await press('End');
    expect(focusedText()).toBe('Carol Diaz');
    await press('Escape');
    expect(element.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    await press('ArrowDown');
    expect(focusedText()).toBe('Bob Nguyen');
    (document.activeElement as HTMLButtonElement).click(); // what Enter or Space does on a button
    await fixture.whenStable();
    expect(picked).toEqual(['bob']);
    expect(document.activeElement).toBe(toggle);
  });

  it('closes when focus leaves the menu', async () => {
    const { fixture, element, toggle } = await setup();
    toggle.click();
    await fixture.whenStable();
    const outside = document.body.appendChild(document.createElement('button'));
    outside.focus();
    await fixture.whenStable();
    expect(element.querySelector('[role="menu"]')).toBeNull();
  });
});
