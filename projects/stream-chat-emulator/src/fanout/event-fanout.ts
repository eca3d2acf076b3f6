import { Caller } from '../auth/caller';
import { channelResponse, memberResponse } from '../responses/channel-responses';
import { messageResponse } from '../responses/message-responses';
import { unreadCounters, userResponse } from '../responses/user-responses';
import { WireContext } from '../responses/wire-context';
import { findChannelType } from '../store/channel-types';
import { ChannelRecord, MemberRecord, MessageRecord, ReadState } from '../store/model';
import { isShownInChannel } from '../store/read-states';
import { ClientSession } from '../sessions/client-session';
import { channelEventBase } from './channel-event-base';
import { EventFrame } from './event-frame';

/**
 * Decides who receives which event after a change, following Stream's rules:
 * channel events go to the connections watching the channel, `notification.*` events go
 * to all connections of the users concerned who are not watching.
 */
export class EventFanout {
  constructor(private readonly context: WireContext) {}

  /**
   * A new message: `message.new` to every watcher (the sender's connections too), with the
   * recipient's unread counters; `notification.message_new` to members with no watching connection.
   */
  messageNew(channel: ChannelRecord, message: MessageRecord): void {
    const wireMessage = messageResponse(this.context, message);
    const shared = {
      ...channelEventBase(channel),
      message: wireMessage,
      message_id: message.id,
      user: wireMessage['user'],
      created_at: message.createdAt,
      watcher_count: this.context.sessions.watcherCount(channel.cid),
      channel_member_count: channel.members.size,
      ...(channel.lastMessageAt ? { channel_last_message_at: channel.lastMessageAt } : {}),
    };
    const frame = new EventFrame({ type: 'message.new', ...shared });
    for (const session of this.context.sessions.watchersOf(channel.cid)) {
      session.sendJson(frame.withFields(this.countersFor(session, channel)));
    }
    if (!isShownInChannel(message)) {
      return;
    }
    for (const member of channel.members.values()) {
      if (
        member.userId === message.userId ||
        !this.context.sessions.isOnline(member.userId) ||
        this.context.sessions.isWatching(member.userId, channel.cid)
      ) {
        continue;
      }
      const event = {
        type: 'notification.message_new',
        ...shared,
        channel: channelResponse(this.context, channel, memberCaller(this.context, member)),
        ...unreadCounters(this.context, member.userId),
      };
      this.sendToUser(member.userId, event);
    }
  }

  /**
   * A member read the channel: `message.read` to watchers (when the type has read events),
   * `notification.mark_read` with fresh counters to the reader's connections.
   */
  read(channel: ChannelRecord, userId: string, read: ReadState): void {
    const base = {
      ...channelEventBase(channel),
      user: userResponse(this.context, userId),
      created_at: read.lastRead,
      ...(read.lastReadMessageId ? { last_read_message_id: read.lastReadMessageId } : {}),
    };
    if (findChannelType(channel.type)?.readEvents) {
      this.sendToWatchers(channel, { type: 'message.read', ...base });
    }
    this.sendToUser(userId, {
      type: 'notification.mark_read',
      ...base,
      ...unreadCounters(this.context, userId),
    });
  }

  /** A member marked messages unread: `notification.mark_unread` to the member's connections. */
  markUnread(channel: ChannelRecord, userId: string, read: ReadState, firstUnreadId: string): void {
    this.sendToUser(userId, {
      type: 'notification.mark_unread',
      ...channelEventBase(channel),
      user: userResponse(this.context, userId),
      created_at: this.context.store.clock.next(),
      first_unread_message_id: firstUnreadId,
      last_read_at: read.lastRead,
      ...(read.lastReadMessageId ? { last_read_message_id: read.lastReadMessageId } : {}),
      unread_messages: read.unreadMessages,
      unread_threads: 0,
      ...unreadCounters(this.context, userId),
    });
  }

  /**
   * A message was edited or deleted: `message.updated` / `message.deleted` to watchers.
   * @param extra fields added to the event, e.g. `hard_delete`.
   */
  messageChanged(
    channel: ChannelRecord,
    message: MessageRecord,
    type: 'message.updated' | 'message.deleted',
    extra: Record<string, unknown> = {},
  ): void {
    const wireMessage = messageResponse(this.context, message);
    this.sendToWatchers(channel, {
      type,
      ...channelEventBase(channel),
      message: wireMessage,
      user: wireMessage['user'],
      created_at: message.updatedAt,
      ...extra,
    });
  }

  /** A typing or custom event: relayed to every watcher, the sender's connections included. */
  channelEvent(channel: ChannelRecord, event: Record<string, unknown>): void {
    this.sendToWatchers(channel, event);
  }

  /** The channel's data changed: `channel.updated` to watchers. */
  channelUpdated(channel: ChannelRecord, actorId: string | undefined): void {
    this.sendToWatchers(channel, {
      type: 'channel.updated',
      ...channelEventBase(channel),
      channel: channelResponse(this.context, channel),
      ...(actorId ? { user: userResponse(this.context, actorId) } : {}),
      created_at: channel.updatedAt,
    });
  }

  /**
   * Members were added: `member.added` to watchers, `notification.added_to_channel`
   * (with the channel and its members) to the added users' connections that do not watch it.
   * The acting user is not notified of their own addition.
   * @param announceToWatchers false when the channel was just created (no `member.added`).
   */
  membersAdded(
    channel: ChannelRecord,
    added: MemberRecord[],
    actorId: string | undefined,
    announceToWatchers = true,
  ): void {
    const members = [...channel.members.values()].map((member) =>
      memberResponse(this.context, channel, member),
    );
    for (const member of added) {
      const wireMember = memberResponse(this.context, channel, member);
      const createdAt = member.createdAt;
      if (announceToWatchers) {
        this.sendToWatchers(channel, {
          type: 'member.added',
          ...channelEventBase(channel),
          member: wireMember,
          user: wireMember['user'],
          created_at: createdAt,
        });
      }
      if (member.userId === actorId) {
        continue;
      }
      const notification = {
        type: 'notification.added_to_channel',
        ...channelEventBase(channel),
        channel: {
          ...channelResponse(this.context, channel, memberCaller(this.context, member)),
          members,
        },
        member: wireMember,
        ...(actorId ? { user: userResponse(this.context, actorId) } : {}),
        created_at: createdAt,
        ...unreadCounters(this.context, member.userId),
      };
      this.sendToSessions(
        this.context.sessions
          .ofUser(member.userId)
          .filter((session) => !session.watching.has(channel.cid)),
        notification,
      );
    }
  }

  /**
   * Members were removed: `member.removed` to watchers and
   * `notification.removed_from_channel` to the removed users' connections.
   */
  membersRemoved(channel: ChannelRecord, removedIds: string[], actorId: string | undefined): void {
    const createdAt = this.context.store.clock.next();
    for (const userId of removedIds) {
      const user = userResponse(this.context, userId);
      const member = { user_id: userId, user };
      this.sendToWatchers(channel, {
        type: 'member.removed',
        ...channelEventBase(channel),
        member,
        user,
        created_at: createdAt,
      });
      this.sendToUser(userId, {
        type: 'notification.removed_from_channel',
        ...channelEventBase(channel),
        channel: channelResponse(this.context, channel),
        member,
        user,
        ...(actorId ? { actor: userResponse(this.context, actorId) } : {}),
        created_at: createdAt,
      });
    }
  }

  /**
   * The channel was deleted: `channel.deleted` to watchers,
   * `notification.channel_deleted` to members who do not watch it.
   */
  channelDeleted(channel: ChannelRecord, deletedAt: string): void {
    const base = {
      ...channelEventBase(channel),
      channel: { ...channelResponse(this.context, channel), deleted_at: deletedAt },
      created_at: deletedAt,
    };
    const watchers = this.context.sessions.watchersOf(channel.cid);
    const told = new Set<ClientSession>(watchers);
    const notified: ClientSession[] = [];
    for (const userId of channel.members.keys()) {
      for (const session of this.context.sessions.ofUser(userId)) {
        if (!told.has(session)) {
          told.add(session);
          notified.push(session);
        }
      }
    }
    this.sendToSessions(watchers, { type: 'channel.deleted', ...base });
    this.sendToSessions(notified, { type: 'notification.channel_deleted', ...base });
  }

  /**
   * A member changed (pin, archive, role, invite answer...): `member.updated` with the
   * member to the channel's watchers and to all of the member's connections, once each.
   * The client replaces the member, and `membership` for its own user.
   */
  memberUpdated(channel: ChannelRecord, member: MemberRecord): void {
    const wireMember = memberResponse(this.context, channel, member);
    const sessions = new Set<ClientSession>(this.context.sessions.watchersOf(channel.cid));
    for (const session of this.context.sessions.ofUser(member.userId)) {
      sessions.add(session);
    }
    this.sendToSessions([...sessions], {
      type: 'member.updated',
      ...channelEventBase(channel),
      channel: channelResponse(this.context, channel),
      member: wireMember,
      user: wireMember['user'],
      created_at: member.updatedAt,
    });
  }

  /** Sends an event to every connection watching the channel. */
  sendToWatchers(channel: ChannelRecord, event: Record<string, unknown>): void {
    this.sendToSessions(this.context.sessions.watchersOf(channel.cid), event);
  }

  /** Sends an event to every connection of a user. */
  sendToUser(userId: string, event: Record<string, unknown>): void {
    this.sendToSessions(this.context.sessions.ofUser(userId), event);
  }

  /** Sends an event to these connections, serialised once (and not at all when there are none). */
  private sendToSessions(sessions: ClientSession[], event: Record<string, unknown>): void {
    if (sessions.length === 0) {
      return;
    }
    const json = JSON.stringify(event);
    for (const session of sessions) {
      session.sendJson(json);
    }
  }

  private countersFor(session: ClientSession, channel: ChannelRecord): Record<string, number> {
    return !session.anonymous && channel.members.has(session.userId)
      ? unreadCounters(this.context, session.userId)
      : {};
  }
}

function memberCaller(context: WireContext, member: MemberRecord): Caller {
  return {
    kind: 'user',
    userId: member.userId,
    role: context.store.users.get(member.userId)?.role ?? 'user',
  };
}
