import { canWriteChannel } from '../../auth/channel-permissions';
import { EmulatorFeature } from '../emulator-feature';
import { repliesRoutes } from './replies-route';
import { markThreadRead, markThreadUnread, replyDeleted, replySent } from './thread-events';
import { unreadThreadCounts, unreadThreadsSummary } from './thread-model';
import { threadRoutes } from './thread-routes';
import { threadsSlice } from './thread-slice';

/**
 * Threads: reply paging, the parent's `message.updated` after replies and reply deletions,
 * threads v2 (`POST /threads`, `GET`/`PATCH /threads/{id}`), per-thread read state with
 * `unread_threads`, and `notification.thread_message_new`.
 */
export const threadsFeature: EmulatorFeature = {
  name: 'threads',
  slices: [threadsSlice],
  routes: [...repliesRoutes, ...threadRoutes],
  messageFields: (context, message) => {
    const deleted = context.store.slice(threadsSlice).deletedReplies.get(message.id);
    return deleted ? { deleted_reply_count: deleted } : {};
  },
  capabilities: (_context, caller, channel) =>
    canWriteChannel(caller, channel) ? ['update-thread'] : [],
  ownUserFields: (context, userId) => ({
    unread_threads: unreadThreadCounts(context.store, userId).unreadThreads,
  }),
  unreadCountFields: (context, userId) => unreadThreadsSummary(context.store, userId),
  afterMessageNew: replySent,
  afterDeleteMessage: replyDeleted,
  markThreadRead,
  markThreadUnread,
};
