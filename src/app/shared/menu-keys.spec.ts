import { clickedOutside, focusLeaves, menuIndexAfterKey, moveMenuFocus } from './menu-keys';

describe('menuIndexAfterKey', () => {
  it('moves with the arrows, wrapping at both ends', () => {
    expect(menuIndexAfterKey('ArrowDown', 0, 3)).toBe(1);
    expect(menuIndexAfterKey('ArrowDown', 2, 3)).toBe(0);
    expect(menuIndexAfterKey('ArrowUp', 0, 3)).toBe(2);
    expect(menuIndexAfterKey('ArrowUp', -1, 3)).toBe(2);
  });

  it('goes to the ends with Home and End, and ignores other keys and empty menus', () => {
    expect(menuIndexAfterKey('Home', 2, 3)).toBe(0);
    expect(menuIndexAfterKey('End', 0, 3)).toBe(2);
    expect(menuIndexAfterKey('a', 0, 3)).toBeUndefined();
    expect(menuIndexAfterKey('ArrowDown', 0, 0)).toBeUndefined();
  });
});

describe('focusLeaves and clickedOutside', () => {
  const host = document.createElement('div');
  const inside = host.appendChild(document.createElement('button'));
  const outside = document.createElement('button');

  it('tells a focus move out of the host from one inside it or to nowhere', () => {
    expect(focusLeaves(host, new FocusEvent('focusout', { relatedTarget: outside }))).toBe(true);
    expect(focusLeaves(host, new FocusEvent('focusout', { relatedTarget: inside }))).toBe(false);
    expect(focusLeaves(host, new FocusEvent('focusout'))).toBe(false);
  });

  it('tells a click outside the host from one inside it', () => {
    const clickOn = (target: Element) => {
      const event = new MouseEvent('click', { bubbles: true });
      let seen: MouseEvent | undefined;
      target.addEventListener('click', (e) => (seen = e as MouseEvent), { once: true });
      target.dispatchEvent(event);
      return seen!;
    };
    expect(clickedOutside(host, clickOn(outside))).toBe(true);
    expect(clickedOutside(host, clickOn(inside))).toBe(false);
  });
});

describe('moveMenuFocus', () => {
  it('focuses the next item for an arrow and stops the page from scrolling; ignores other keys', () => {
    const menu = document.body.appendChild(document.createElement('div'));
    const items = [0, 1, 2].map(() => menu.appendChild(document.createElement('button')));
    items[0].focus();
    const down = new KeyboardEvent('keydown', { key: 'ArrowDown', cancelable: true });
    expect(moveMenuFocus(down, items)).toBe(true);
    expect(document.activeElement).toBe(items[1]);
    expect(down.defaultPrevented).toBe(true);
    const escape = new KeyboardEvent('keydown', { key: 'Escape', cancelable: true });
    expect(moveMenuFocus(escape, items)).toBe(false);
    expect(document.activeElement).toBe(items[1]);
    expect(escape.defaultPrevented).toBe(false);
    menu.remove();
  });
});
