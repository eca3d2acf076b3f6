/** `next` when its items differ from `previous` (by identity, in order), otherwise `previous`. */
export function keepIfSame<T>(previous: T[], next: T[]): T[] {
  return previous.length === next.length && previous.every((item, index) => item === next[index])
    ? previous
    : next;
}

/** A list mapped from a source list, with the source items it was mapped from. */
export interface MappedList<S, T> {
  /** The source items, as they were when mapped (a copy: sources may change in place). */
  readonly sources: readonly S[];
  /** The mapped items, in the same order. */
  readonly items: T[];
}

/** The empty mapped list. */
export const EMPTY_MAPPED_LIST: MappedList<never, never> = Object.freeze({
  sources: Object.freeze([]) as readonly never[],
  items: [] as never[],
});

/**
 * `source` mapped item by item, reusing `previous`' mapped item wherever the source item at that
 * index is the same object: only new or replaced items are mapped, and when nothing differs
 * `previous` itself is returned (so its `items` keep their identity). One pass, comparing
 * references; arrays are copied only when something changed.
 */
export function mapChanged<S, T>(
  previous: MappedList<S, T>,
  source: readonly S[],
  map: (item: S) => T,
): MappedList<S, T> {
  const { sources, items } = previous;
  let index = 0;
  const common = Math.min(sources.length, source.length);
  while (index < common && sources[index] === source[index]) index++;
  if (index === source.length && index === sources.length) return previous;
  const next = items.slice(0, index);
  for (; index < source.length; index++) {
    const item = source[index];
    next.push(index < sources.length && sources[index] === item ? items[index] : map(item));
  }
  return { sources: source.slice(), items: next };
}
