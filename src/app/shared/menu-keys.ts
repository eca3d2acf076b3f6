/**
 * Where the focus goes in a menu of `count` items after `key`, from item `current` (-1 when none
 * has it): the arrows move and wrap, Home and End go to the ends. `undefined` for other keys.
 */
export function menuIndexAfterKey(key: string, current: number, count: number): number | undefined {
  if (count === 0) {
    return undefined;
  }
  const wrap = (index: number) => ((index % count) + count) % count;
  switch (key) {
    case 'ArrowDown':
      return wrap(current + 1);
    case 'ArrowUp':
      return wrap(current < 0 ? -1 : current - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/** Whether a focus change leaves `host` for an element outside it (not for nowhere). */
export function focusLeaves(host: Element, event: FocusEvent): boolean {
  const next = event.relatedTarget as Node | null;
  return !!next && !host.contains(next);
}

/** Whether a click landed outside `host`. */
export function clickedOutside(host: Element, event: MouseEvent): boolean {
  return !host.contains(event.target as Node);
}

/**
 * Moves the focus among a menu's `items` for an arrow, Home or End key (see
 * `menuIndexAfterKey`), and keeps the key from scrolling the page. Returns whether it did.
 */
export function moveMenuFocus(event: KeyboardEvent, items: readonly HTMLElement[]): boolean {
  const next = menuIndexAfterKey(
    event.key,
    items.indexOf(document.activeElement as HTMLElement),
    items.length,
  );
  if (next === undefined) {
    return false;
  }
  event.preventDefault();
  items[next].focus();
  return true;
}
