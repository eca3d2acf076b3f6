/** Up to two initials for a name: "Alice Martin" → "AM", "bob" → "B", "" → "?". */
export function initialsOf(name: string | undefined): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => [...word][0].toUpperCase()).join('') || '?';
}

/** A stable hue (0-359) for a name, so each person keeps their color. */
export function hueOf(name: string | undefined): number {
  let hash = 0;
  for (const char of name ?? '') {
    hash = (hash * 31 + char.codePointAt(0)!) % 360;
  }
  return hash;
}
