import { menuIndexAfterKey } from './menu-keys';

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
