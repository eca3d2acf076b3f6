import { BehaviorSubject, Observable } from 'rxjs';
import type {
  Channel,
  ChannelFilters,
  ChannelResponse,
  Event as StreamEvent,
  StreamChat,
} from 'stream-chat';
import type { StreamChatError } from '../stream-chat-errors';
import { fromVendorError } from '../vendor-error';
import type { PublishInsideAngular, RunOutsideAngular } from './zone-runners';

/** Channels per page of the query of pending invitations. */
const PAGE_SIZE = 30;
/** Most pages loaded: up to 300 pending invitations. */
const MAX_PAGES = 10;

/** Events after which the channel no longer waits for the user's answer. */
const ANSWERED_EVENTS: ReadonlySet<string> = new Set([
  'notification.invite_accepted',
  'notification.invite_rejected',
  'notification.removed_from_channel',
  'notification.channel_deleted',
  'channel.deleted',
]);

/** The events that change the list of pending invitations. */
function isInviteEvent(event: StreamEvent): boolean {
  return event.type === 'notification.invited' || ANSWERED_EVENTS.has(event.type);
}

/** The user an event's `member` names, when it names one. */
function memberUserId(event: StreamEvent): string | undefined {
  return event.member?.user?.id ?? event.member?.user_id;
}

/** The client's channel for an invitation, showing the channel's data before anyone queries it. */
function invitedChannel(client: StreamChat, data: ChannelResponse): Channel {
  const channel = client.channel(data.type, data.id);
  if (!channel.initialized) {
    // As stream-chat itself does after a channel update: `data` is what the UI shows.
    channel.data = { ...channel.data, ...data };
  }
  return channel;
}

/**
 * The pending invitations after `event`: `notification.invited` for `userId` adds the channel at
 * the end (once); an accepted or rejected invitation, a removal from the channel and the channel's
 * deletion take it off. Returns `invites` itself when nothing changed.
 */
export function pendingInvitesAfter(
  invites: Channel[],
  event: StreamEvent,
  userId: string,
  client: StreamChat,
): Channel[] {
  const member = memberUserId(event);
  if (member !== undefined && member !== userId) {
    return invites;
  }
  const cid = event.cid ?? event.channel?.cid;
  if (event.type === 'notification.invited') {
    const data = event.channel;
    return data && !invites.some((channel) => channel.cid === data.cid)
      ? [...invites, invitedChannel(client, data)]
      : invites;
  }
  if (ANSWERED_EVENTS.has(event.type) && invites.some((channel) => channel.cid === cid)) {
    return invites.filter((channel) => channel.cid !== cid);
  }
  return invites;
}

/**
 * The channels where `userId` has a pending invitation, as the vendor queries them
 * (`{ invite: 'pending', members: { $in: [userId] } }`), page by page, without watching them.
 */
async function queryPendingInvites(
  client: StreamChat,
  userId: string,
  outside: RunOutsideAngular,
): Promise<Channel[]> {
  // `invite` is a filter Stream documents that the client's `ChannelFilters` type lacks.
  const filters = { invite: 'pending', members: { $in: [userId] } } as ChannelFilters;
  const invites: Channel[] = [];
  let offset = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const channels = await outside(() =>
      client.queryChannels(filters, [], {
        limit: PAGE_SIZE,
        offset,
        watch: false,
        presence: false,
      }),
    );
    invites.push(...channels.filter((channel) => !invites.includes(channel)));
    offset += channels.length;
    if (channels.length < PAGE_SIZE) break;
  }
  return invites;
}

/** One session's tracking: its client listener, and the events that arrive during the query. */
interface Tracking {
  client: StreamChat;
  userId: string;
  listener: { unsubscribe(): void } | undefined;
  /** Invitation events received while a query runs, applied after it; else `undefined`. */
  early: StreamEvent[] | undefined;
}

/**
 * The list behind `pendingInvites$`, for sessions that track invitations: loaded when the session
 * starts, kept live from the client's invitation events, loaded again after a reconnect (the
 * invitations made while offline sent no event here), and emptied when the session ends.
 */
export class PendingInviteTracker {
  private readonly subject = new BehaviorSubject<Channel[]>([]);
  private tracking: Tracking | undefined;

  /** The channels with a pending invitation, oldest invitation last; `[]` when not tracking. */
  readonly invites$: Observable<Channel[]> = this.subject.asObservable();

  constructor(
    private readonly publish: PublishInsideAngular,
    private readonly outside: RunOutsideAngular,
    /** Where a failed reload after a reconnect goes: nobody awaits it. */
    private readonly reportError: (error: StreamChatError) => void,
  ) {}

  /**
   * Starts tracking `userId`'s invitations on `client`: listens first, then loads the pending
   * ones, so an invitation arriving meanwhile is not lost. Rejects with the query's error, after
   * which nothing is tracked.
   */
  async start(client: StreamChat, userId: string): Promise<void> {
    this.stop();
    const tracking: Tracking = { client, userId, listener: undefined, early: undefined };
    tracking.listener = client.on((event) => this.receive(tracking, event));
    this.tracking = tracking;
    try {
      await this.load(tracking);
    } catch (error) {
      if (this.tracking === tracking) this.stop();
      throw error;
    }
  }

  /** Stops listening and empties the list. Safe to call when nothing is tracked. */
  stop(): void {
    this.tracking?.listener?.unsubscribe();
    this.tracking = undefined;
    this.set([]);
  }

  /** Takes the channel off the list at once, after the user answered its invitation. */
  answered(channel: Channel): void {
    if (this.tracking?.client === channel.getClient()) {
      this.set(this.subject.value.filter((invite) => invite.cid !== channel.cid));
    }
  }

  /** Queries the list and publishes it, with the invitation events that arrived meanwhile. */
  private async load(tracking: Tracking): Promise<void> {
    tracking.early = [];
    let invites: Channel[] | undefined;
    try {
      invites = await queryPendingInvites(tracking.client, tracking.userId, this.outside);
    } finally {
      const early = tracking.early ?? [];
      tracking.early = undefined;
      if (this.tracking === tracking) {
        const { client, userId } = tracking;
        this.set(
          early.reduce(
            (list, event) => pendingInvitesAfter(list, event, userId, client),
            invites ?? this.subject.value,
          ),
        );
      }
    }
  }

  private receive(tracking: Tracking, event: StreamEvent): void {
    if (this.tracking !== tracking) {
      return;
    }
    if (event.type === 'connection.recovered' && !tracking.early) {
      this.load(tracking).catch((error: unknown) => {
        if (this.tracking === tracking) {
          this.reportError(
            fromVendorError(error, 'Loading the pending invitations again after a reconnect'),
          );
        }
      });
      return;
    }
    if (!isInviteEvent(event)) {
      return;
    }
    if (tracking.early) {
      tracking.early.push(event);
      return;
    }
    this.set(pendingInvitesAfter(this.subject.value, event, tracking.userId, tracking.client));
  }

  private set(invites: Channel[]): void {
    const current = this.subject.value;
    const same =
      invites.length === current.length && invites.every((channel, i) => channel === current[i]);
    if (!same) {
      this.publish(() => this.subject.next(invites));
    }
  }
}
