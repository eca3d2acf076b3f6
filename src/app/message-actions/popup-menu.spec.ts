import { TestBed } from '@angular/core/testing';
import { PopupMenu } from './popup-menu';

describe('PopupMenu', () => {
  async function render(orientation: 'vertical' | 'horizontal' = 'vertical') {
    const fixture = TestBed.createComponent(PopupMenu);
    fixture.componentRef.setInput('label', 'Actions for the message');
    fixture.componentRef.setInput('orientation', orientation);
    fixture.componentRef.setInput('items', [
      { id: 'one', text: 'One' },
      { id: 'two', text: 'Two', checked: true },
      { id: 'three', text: 'Three', danger: true },
    ]);
    const picked: string[] = [];
    fixture.componentInstance.picked.subscribe((id) => picked.push(id));
    await fixture.whenStable();
    document.body.appendChild(fixture.nativeElement);
    const element = fixture.nativeElement as HTMLElement;
    const trigger = element.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
    const key = async (target: Element, name: string) => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
      await fixture.whenStable();
    };
    return { fixture, element, trigger, picked, key };
  }

  it('opens on the first entry, moves with the arrows, picks with a click, gives the focus back', async () => {
    const { fixture, element, trigger, picked, key } = await render();
    expect(trigger.getAttribute('aria-label')).toBe('Actions for the message');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    trigger.click();
    await fixture.whenStable();
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    const menu = element.querySelector('[role="menu"]')!;
    expect(document.activeElement?.textContent?.trim()).toBe('One');
    await key(menu, 'ArrowDown');
    expect(document.activeElement?.getAttribute('role')).toBe('menuitemcheckbox');
    expect(document.activeElement?.getAttribute('aria-checked')).toBe('true');
    await key(menu, 'End');
    expect(document.activeElement?.textContent?.trim()).toBe('Three');
    await key(menu, 'ArrowDown');
    expect(document.activeElement?.textContent?.trim()).toBe('One');
    (document.activeElement as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(picked).toEqual(['one']);
    expect(element.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    fixture.nativeElement.remove();
  });

  it('opens on the last entry with ArrowUp, closes with Escape', async () => {
    const { fixture, element, trigger, key } = await render();
    await key(trigger, 'ArrowUp');
    expect(document.activeElement?.textContent?.trim()).toBe('Three');
    await key(element.querySelector('[role="menu"]')!, 'Escape');
    expect(element.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    fixture.nativeElement.remove();
  });

  it('moves along a row with Left and Right, and closes on a click elsewhere', async () => {
    const { fixture, element, trigger, key, picked } = await render('horizontal');
    trigger.click();
    await fixture.whenStable();
    const menu = element.querySelector('[role="menu"]')!;
    expect(menu.getAttribute('aria-orientation')).toBe('horizontal');
    await key(menu, 'ArrowLeft');
    expect(document.activeElement?.textContent?.trim()).toBe('Three');
    await key(menu, 'ArrowRight');
    expect(document.activeElement?.textContent?.trim()).toBe('One');
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await fixture.whenStable();
    expect(element.querySelector('[role="menu"]')).toBeNull();
    expect(picked).toEqual([]);
    fixture.nativeElement.remove();
  });
});
