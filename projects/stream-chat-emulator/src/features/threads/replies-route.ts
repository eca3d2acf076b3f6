import { callerUserId } from '../../auth/caller';
import { readableMessage } from '../../http/routes/message-routes';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { JsonObject } from '../../protocol/body-fields';
import { messageResponse } from '../../responses/message-responses';
import { ChannelRecord } from '../../store/model';
import { parseReplyPage, selectReplies } from './reply-paging';
import { pagedRepliesOf } from './thread-model';

/**
 * `GET /messages/{parent_id}/replies`: a page of the thread's replies, always oldest first
 * (see {@link selectReplies}). Unknown parent → 16, unreadable channel → 17.
 */
function getReplies(context: RouteContext): JsonObject {
  const page = parseReplyPage(context.query);
  const parent = readableMessage(context);
  const channel = context.services.store.getChannel(parent.cid) as ChannelRecord;
  const viewerId = callerUserId(context.caller);
  return {
    messages: selectReplies(pagedRepliesOf(channel, parent), page).map((reply) =>
      messageResponse(context.services, reply, viewerId),
    ),
  };
}

/** The replies endpoint. */
export const repliesRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/messages/:id/replies',
    operation: 'GetReplies',
    auth: 'caller',
    handle: getReplies,
  },
];
