import { RouteContext, RouteDefinition } from '../../http/route-table';
import { ApiError, ErrorCode, inputError } from '../../protocol/api-error';
import { JsonObject, optionalBoolean, optionalStringArray } from '../../protocol/body-fields';

/** How far back `last_sync_at` may go (Stream refuses older syncs; the client then resets). */
export const MAX_SYNC_AGE_MS = 30 * 24 * 3_600_000;

/**
 * `POST /sync {channel_cids, last_sync_at, watch?, with_inaccessible_cids?}`: checks the
 * request, then refuses it: the emulator keeps no event history, so it cannot list the events
 * since `last_sync_at` (and answering `{events: []}` would claim nothing happened). The client's
 * offline support resets its local database on this error and queries the channels again.
 * @throws ApiError code 4 for a malformed request or a `last_sync_at` older than 30 days;
 * otherwise code 16, HTTP 501.
 */
function sync(context: RouteContext): JsonObject {
  const cids = optionalStringArray(context.body, 'channel_cids');
  if (!cids || cids.length === 0) {
    throw inputError('channel_cids must be a non-empty array of channel cids');
  }
  const lastSyncAt = context.body['last_sync_at'];
  const time = typeof lastSyncAt === 'string' ? Date.parse(lastSyncAt) : NaN;
  if (!Number.isFinite(time)) {
    throw inputError('last_sync_at must be an ISO-8601 date');
  }
  if (Date.now() - time > MAX_SYNC_AGE_MS) {
    throw inputError('last_sync_at is older than 30 days: query the channels again');
  }
  optionalBoolean(context.body, 'watch');
  optionalBoolean(context.body, 'with_inaccessible_cids');
  throw new ApiError(
    ErrorCode.doesNotExist,
    501,
    'sync is not supported by the emulator: it keeps no event history; query the channels again',
  );
}

/** The sync endpoint. */
export const syncRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/sync',
    operation: 'Sync',
    changesNothing: true,
    auth: 'caller',
    handle: sync,
  },
];
