import type { ChannelFilters } from 'stream-chat';

/** The ways to connect that the vendor's "Users and tokens" page shows. */
export type ConnectMode = 'token-provider' | 'static-token' | 'dev-token' | 'guest' | 'anonymous';

/** What the connect panel hands to `DemoSession.connect()`. */
export interface ConnectChoice {
  /** How to connect. */
  mode: ConnectMode;
  /** The seeded user to connect as, for the token and dev-token modes. */
  userId?: string;
  /** The guest's display name, for the guest mode. */
  guestName?: string;
  /** How long the token provider's tokens live, in seconds (60 by default). */
  tokenLifetimeSeconds?: number;
}

/** A user the emulator's default seed knows. */
export interface SeededUser {
  id: string;
  name: string;
}

/** The users of the emulator's default seed. */
export const SEEDED_USERS: readonly SeededUser[] = [
  { id: 'alice', name: 'Alice Martin' },
  { id: 'bob', name: 'Bob Nguyen' },
  { id: 'carol', name: 'Carol Diaz' },
];

/** The token provider's default token lifetime, as the token endpoint's. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 60;

/** How long the static token fetched once lives: long enough for a demo session. */
export const STATIC_TOKEN_LIFETIME_SECONDS = 60 * 60;

/** Whether the mode connects one of the seeded users with a token. */
export function isUserMode(mode: ConnectMode): boolean {
  return mode === 'token-provider' || mode === 'static-token' || mode === 'dev-token';
}

/** The seeded user with this id, or a user named after the id. */
export function seededUser(userId: string): SeededUser {
  return SEEDED_USERS.find((user) => user.id === userId) ?? { id: userId, name: userId };
}

/**
 * A guest user for a display name: the id is made from the name plus a random suffix, so two
 * guests called "Sam" do not collide, and a guest never takes a registered user's id.
 */
export function guestUserFor(name: string, random: () => number = Math.random): SeededUser {
  const displayName = name.trim();
  const slug =
    displayName
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24) || 'guest';
  const suffix = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return { id: `guest-${slug}-${suffix}`, name: displayName };
}

/**
 * The channels the demo lists: a user's own messaging channels; for guests and anonymous users,
 * who belong to no channel, the public livestream.
 */
export function channelFiltersFor(choice: ConnectChoice): ChannelFilters {
  if (isUserMode(choice.mode) && choice.userId) {
    return { type: 'messaging', members: { $in: [choice.userId] } };
  }
  return { type: 'livestream' };
}
