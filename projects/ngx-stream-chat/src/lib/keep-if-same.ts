/** `next` when its items differ from `previous` (by identity, in order), otherwise `previous`. */
export function keepIfSame<T>(previous: T[], next: T[]): T[] {
  return previous.length === next.length && previous.every((item, index) => item === next[index])
    ? previous
    : next;
}
