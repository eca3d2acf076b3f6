import { doesNotExistError } from '../../protocol/api-error';
import { RouteContext } from '../../http/route-table';
import { callerSession, requireReadable } from '../../http/routes/channel-access';
import { isMessageId } from '../../protocol/identifiers';
import { ChannelRecord, MessageRecord } from '../../store/model';
import { isThreadParent } from './thread-model';
import { ThreadLimits } from './thread-responses';

/** Default and largest `reply_limit`, `participant_limit`, `member_limit`. */
export const THREAD_LIMIT_BOUNDS = {
  reply: { fallback: 3, max: 100 },
  participant: { fallback: 100, max: 100 },
  member: { fallback: 100, max: 100 },
} as const;

/**
 * The thread named by `:id` (its parent message) with its channel, readable by the caller.
 * @throws ApiError code 16 when the message does not exist or has no thread, 17 when the
 * caller may not read its channel.
 */
export function readableThread(context: RouteContext): {
  parent: MessageRecord;
  channel: ChannelRecord;
} {
  const id = context.params['id'];
  const parent = isMessageId(id) ? context.services.store.getMessage(id) : undefined;
  const channel = parent && context.services.store.getChannel(parent.cid);
  if (!parent || !channel || !isThreadParent(parent)) {
    throw doesNotExistError(`thread ${id} does not exist`);
  }
  requireReadable(context.caller, channel);
  return { parent, channel };
}

/** Makes the caller's connection (if any) watch the channel, as `watch: true` asks. */
export function watchFromRequest(context: RouteContext, channel: ChannelRecord): void {
  const session = callerSession(context);
  if (session) {
    context.services.watching.start(session, channel);
  }
}

/** Builds {@link ThreadLimits} from numbers read from a request, with the defaults. */
export function threadLimits(
  read: (key: string, max: number) => number | undefined,
  fallbacks: { reply?: number; participant?: number } = {},
): ThreadLimits {
  const bounds = THREAD_LIMIT_BOUNDS;
  return {
    replyLimit: read('reply_limit', bounds.reply.max) ?? fallbacks.reply ?? bounds.reply.fallback,
    participantLimit:
      read('participant_limit', bounds.participant.max) ??
      fallbacks.participant ??
      bounds.participant.fallback,
    memberLimit: read('member_limit', bounds.member.max) ?? bounds.member.fallback,
  };
}
