import type { UserResponse } from 'stream-chat';

/** A piece of a message's text: plain, or a mention of a user. */
export type TextSegment =
  { kind: 'text'; text: string } | { kind: 'mention'; text: string; userId: string; own: boolean };

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits `text` into plain text and the mentions of `mentioned` users ("@Name" or "@id"), longest
 * names first so "@Bob Nguyen" wins over "@Bob". `own` marks the connected user's mentions.
 */
export function mentionSegments(
  text: string,
  mentioned: readonly Pick<UserResponse, 'id' | 'name'>[] | undefined,
  ownUserId: string | undefined,
): TextSegment[] {
  const byLabel = new Map<string, string>();
  for (const user of mentioned ?? []) {
    for (const label of [user.name, user.id]) {
      if (label && !byLabel.has(label)) {
        byLabel.set(label, user.id);
      }
    }
  }
  if (byLabel.size === 0 || !text) {
    return text ? [{ kind: 'text', text }] : [];
  }
  const labels = [...byLabel.keys()].sort((a, b) => b.length - a.length).map(escapeForRegExp);
  const pattern = new RegExp(`@(${labels.join('|')})`, 'g');
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) {
      segments.push({ kind: 'text', text: text.slice(last, match.index) });
    }
    const userId = byLabel.get(match[1])!;
    segments.push({ kind: 'mention', text: match[0], userId, own: userId === ownUserId });
    last = match.index + match[0].length;
  }
  if (last < text.length) {
    segments.push({ kind: 'text', text: text.slice(last) });
  }
  return segments;
}
