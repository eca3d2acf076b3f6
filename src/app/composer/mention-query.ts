import type { UserResponse } from 'stream-chat';

/** An "@term" being typed: where the "@" is and what follows it, up to the caret. */
export interface MentionQuery {
  /** Index of the "@" in the text. */
  start: number;
  /** What the user typed after the "@" (may be empty). */
  term: string;
}

/** Letters, digits and the characters user ids and names may hold, up to 40 of them. */
const TRAILING_MENTION = /(^|\s)@([\p{L}\p{N}_.-]{0,40})$/u;

/**
 * The mention being typed just before `caret`: an "@" at the start of the text or after a space,
 * followed by the term typed so far. `undefined` when the caret is not in a mention.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | undefined {
  const match = TRAILING_MENTION.exec(text.slice(0, caret));
  if (!match) {
    return undefined;
  }
  return { start: match.index + match[1].length, term: match[2] };
}

/** The name a mention writes: the user's name, else their id. */
export function mentionName(user: Pick<UserResponse, 'id' | 'name'>): string {
  return user.name || user.id;
}

/**
 * Replaces the query (from its "@" to the caret) with "@Name " and says where the caret goes.
 */
export function insertMention(
  text: string,
  query: MentionQuery,
  caret: number,
  user: Pick<UserResponse, 'id' | 'name'>,
): { text: string; caret: number } {
  const inserted = `@${mentionName(user)} `;
  const before = text.slice(0, query.start);
  const after = text.slice(caret).replace(/^ /, '');
  return { text: before + inserted + after, caret: before.length + inserted.length };
}

/** The users picked while writing whose "@Name" is still in the text, each once. */
export function mentionedIn<T extends Pick<UserResponse, 'id' | 'name'>>(
  text: string,
  picked: readonly T[],
): T[] {
  const seen = new Set<string>();
  return picked.filter((user) => {
    if (seen.has(user.id) || !text.includes(`@${mentionName(user)}`)) {
      return false;
    }
    seen.add(user.id);
    return true;
  });
}
