import { Caller, callerUserId } from '../../auth/caller';
import { channelResponse, memberResponse, WireObject } from '../../responses/channel-responses';
import { messageResponse } from '../../responses/message-responses';
import { userResponse } from '../../responses/user-responses';
import { WireContext } from '../../responses/wire-context';
import { ChannelRecord, MessageRecord } from '../../store/model';
import { participantIds, readOf, repliesOf, threadTimes } from './thread-model';
import { threadsSlice } from './thread-slice';

/** How much of a thread a response lists. */
export interface ThreadLimits {
  /** Latest replies in `latest_replies`. */
  replyLimit: number;
  /** Entries of `thread_participants`. */
  participantLimit: number;
  /** Members listed in `channel.members`. */
  memberLimit: number;
}

/** The limits of a thread inside an event (no replies, every participant). */
export const EVENT_THREAD_LIMITS: ThreadLimits = {
  replyLimit: 0,
  participantLimit: 100,
  memberLimit: 0,
};

/**
 * A `ThreadResponse` as the client's `Thread` class reads it: the channel (with members),
 * the parent message, the latest replies oldest first, participants, everyone's read state,
 * counters and times; title and custom fields on top level. `read` lists the participants and
 * every other user who marked the thread read.
 * @param caller the user the response is for (`own_capabilities`, `own_reactions`); `undefined` in events.
 */
export function threadResponse(
  context: WireContext,
  channel: ChannelRecord,
  parent: MessageRecord,
  caller: Caller | undefined,
  limits: ThreadLimits,
): WireObject {
  const { store } = context;
  const viewerId = caller ? callerUserId(caller) : undefined;
  const replies = repliesOf(channel, parent);
  const participants = participantIds(parent);
  const data = store.slice(threadsSlice).data.get(parent.id);
  const { createdAt, updatedAt, lastMessageAt } = threadTimes(store, replies, parent);
  const readerIds = new Set([
    ...participants,
    ...(store.slice(threadsSlice).reads.get(parent.id)?.keys() ?? []),
  ]);
  const reads = [...readerIds].map((userId) => readOf(store, replies, parent.id, userId));
  return {
    ...data?.custom,
    channel: {
      ...channelResponse(context, channel, caller),
      members: [...channel.members.values()]
        .slice(0, limits.memberLimit)
        .map((member) => memberResponse(context, channel, member)),
    },
    channel_cid: channel.cid,
    parent_message_id: parent.id,
    parent_message: messageResponse(context, parent, viewerId),
    latest_replies:
      limits.replyLimit > 0
        ? replies
            .slice(-limits.replyLimit)
            .map((reply) => messageResponse(context, reply, viewerId))
        : [],
    reply_count: parent.replyCount,
    participant_count: participants.length,
    active_participant_count: participants.length,
    thread_participants: reads
      .slice(0, Math.min(participants.length, limits.participantLimit))
      .map((read) => {
        const own = replies.filter((reply) => reply.userId === read.userId);
        return {
          channel_cid: channel.cid,
          thread_id: parent.id,
          user_id: read.userId,
          user: userResponse(context, read.userId),
          created_at: read.userId === parent.userId ? createdAt : (own[0]?.createdAt ?? createdAt),
          last_read_at: read.lastRead,
          ...(own.length > 0 ? { last_thread_message_at: own[own.length - 1].createdAt } : {}),
        };
      }),
    read: reads.map((read) => ({
      user: userResponse(context, read.userId),
      last_read: read.lastRead,
      unread_messages: read.unreadMessages,
      ...(read.lastReadMessageId ? { last_read_message_id: read.lastReadMessageId } : {}),
    })),
    title: data?.title ?? '',
    created_by_user_id: parent.userId,
    created_by: userResponse(context, parent.userId),
    created_at: createdAt,
    updated_at: updatedAt,
    ...(lastMessageAt ? { last_message_at: lastMessageAt } : {}),
    ...(parent.deletedAt ? { deleted_at: parent.deletedAt } : {}),
  };
}

/** Keys of a `ThreadResponse` (and those the client reserves) that custom data may not use. */
export const THREAD_RESPONSE_KEYS: ReadonlySet<string> = new Set([
  'active_participant_count',
  'channel',
  'channel_cid',
  'created_at',
  'created_by',
  'created_by_user_id',
  'custom',
  'deleted_at',
  'draft',
  'id',
  'last_message_at',
  'latest_replies',
  'parent_message',
  'parent_message_id',
  'participant_count',
  'participants',
  'read',
  'reply_count',
  'thread_participants',
  'title',
  'type',
  'updated_at',
  'user',
]);
