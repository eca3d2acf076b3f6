import type { ChatMessage } from 'ngx-stream-chat';
import type { ReactionResponse } from 'stream-chat';

/** A reaction the picker offers: its type on the server, its emoji and its name. */
export interface ReactionOption {
  type: string;
  emoji: string;
  label: string;
}

/** The reactions the demo offers, in the picker's order (Stream's usual types). */
export const REACTION_OPTIONS: readonly ReactionOption[] = [
  { type: 'like', emoji: '👍', label: 'Thumbs up' },
  { type: 'love', emoji: '❤️', label: 'Heart' },
  { type: 'haha', emoji: '😂', label: 'Laughing' },
  { type: 'wow', emoji: '😮', label: 'Surprised' },
  { type: 'sad', emoji: '😢', label: 'Sad' },
];

/** One reaction type on a message: how many people chose it, and whether the user did. */
export interface ReactionSummary extends ReactionOption {
  count: number;
  own: boolean;
}

/** The option of a reaction type; types the demo does not offer show with a generic emoji. */
export function reactionOption(type: string): ReactionOption {
  return (
    REACTION_OPTIONS.find((option) => option.type === type) ?? {
      type,
      emoji: '⭐',
      label: type,
    }
  );
}

/**
 * The reactions on a message, in the picker's order then the others by name: counts from its
 * `reaction_groups` (else `reaction_counts`), `own` from its `own_reactions`. Types nobody chose
 * are left out.
 */
export function reactionSummaries(message: ChatMessage): ReactionSummary[] {
  const counts: Record<string, number> = {};
  if (message.reaction_groups) {
    for (const [type, group] of Object.entries(message.reaction_groups)) {
      counts[type] = group?.count ?? 0;
    }
  } else {
    Object.assign(counts, message.reaction_counts ?? {});
  }
  const own = new Set((message.own_reactions ?? []).map((reaction) => reaction.type));
  const order = (type: string) => {
    const index = REACTION_OPTIONS.findIndex((option) => option.type === type);
    return index < 0 ? REACTION_OPTIONS.length : index;
  };
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([type, count]) => ({ ...reactionOption(type), count, own: own.has(type) }));
}

/** Who chose a reaction type, for its tooltip: "You and Bob Nguyen", "Alice, Bob and 2 others". */
export function reactorNames(
  reactions: readonly ReactionResponse[],
  type: string,
  ownUserId: string | undefined,
): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const reaction of reactions) {
    const id = reaction.user?.id ?? reaction.user_id;
    if (reaction.type !== type || !id || seen.has(id)) {
      continue;
    }
    seen.add(id);
    const name = id === ownUserId ? 'You' : reaction.user?.name || id;
    if (name === 'You') names.unshift(name);
    else names.push(name);
  }
  if (names.length <= 3) {
    return names.length < 2
      ? (names[0] ?? '')
      : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  }
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} others`;
}
