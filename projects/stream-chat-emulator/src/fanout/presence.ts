import { userResponse } from '../responses/user-responses';
import { WireContext } from '../responses/wire-context';
import { ClientSession } from '../sessions/client-session';

/**
 * Presence: `user.presence.changed` when a user's first connection opens and when the
 * last one closes, and `user.updated` when a user changes. Both go to the connections
 * subscribed to that user (queries with `presence: true`) and to the user's own other
 * connections. Subscribers are indexed by the user they follow, so a change costs
 * O(subscribers of that user), not O(open connections).
 */
export class PresenceTracker {
  constructor(private readonly context: WireContext) {}

  /** Subscribes a connection to the presence of these users. */
  subscribe(session: ClientSession, userIds: Iterable<string>): void {
    for (const userId of userIds) {
      if (userId !== session.userId) {
        this.context.sessions.subscribePresence(session, userId);
      }
    }
  }

  /**
   * Announces that a user's online state changed.
   * @param except a connection that must not be told (the one that just opened).
   */
  announcePresence(userId: string, except?: ClientSession): void {
    this.broadcastAbout(userId, { type: 'user.presence.changed' }, except);
  }

  /** Announces that a user's fields changed (`user.updated`). */
  announceUpdate(userId: string): void {
    this.broadcastAbout(userId, { type: 'user.updated' });
  }

  private broadcastAbout(userId: string, event: { type: string }, except?: ClientSession): void {
    const frame = {
      ...event,
      user: userResponse(this.context, userId),
      created_at: this.context.store.clock.next(),
    };
    const json = JSON.stringify(frame);
    for (const session of this.context.sessions.presenceAudience(userId)) {
      if (session !== except) {
        session.sendJson(json);
      }
    }
  }
}
