import { clickedOutside, focusLeaves, menuIndexAfterKey } from './menu-keys';

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
