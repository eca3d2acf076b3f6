import { snapshotState } from '../../store/state-snapshot';
import {
  JsonObject,
  optionalInteger,
  optionalString,
  requiredString,
} from '../../protocol/body-fields';
import { RouteContext, RouteDefinition } from '../route-table';

/** `POST /admin/faults/drop-sockets {user_id?, code?}` → `{closed}`. */
function dropSockets(context: RouteContext): JsonObject {
  const closed = context.services.faults.dropSockets({
    userId: optionalString(context.body, 'user_id'),
    code: optionalInteger(context.body, 'code', 1000, 4999),
  });
  return { closed };
}

/** `POST /admin/faults/fail-requests {count, status?}`. */
function failRequests(context: RouteContext): JsonObject {
  const count = optionalInteger(context.body, 'count', 0, 100_000) ?? 1;
  context.services.faults.failNextRequests(
    count,
    optionalInteger(context.body, 'status', 400, 599) ?? 500,
  );
  return {};
}

/** `POST /admin/faults/delay-requests {count, delay_ms}`. */
function delayRequests(context: RouteContext): JsonObject {
  const count = optionalInteger(context.body, 'count', 0, 100_000) ?? 1;
  context.services.faults.delayNextRequests(
    count,
    optionalInteger(context.body, 'delay_ms', 0, 60_000) ?? 0,
  );
  return {};
}

/** `POST /admin/faults/fail-saves {count}`: the next data-file writes fail (a full disk). */
function failSaves(context: RouteContext): JsonObject {
  context.services.faults.failDataFileWrites(
    optionalInteger(context.body, 'count', 0, 100_000) ?? 1,
  );
  return {};
}

/** `POST /admin/faults/clear`: drops pending request failures and delays. */
function clearFaults(context: RouteContext): JsonObject {
  context.services.faults.clearRequestFaults();
  return {};
}

/** `POST /admin/faults/refuse-connections {duration_ms, user_id?}`: a WebSocket outage. */
function refuseConnections(context: RouteContext): JsonObject {
  context.services.faults.refuseConnections(
    optionalInteger(context.body, 'duration_ms', 0, 600_000) ?? 0,
    optionalString(context.body, 'user_id'),
  );
  return {};
}

/** `POST /admin/tokens/expire {user_id}`. */
function expireTokens(context: RouteContext): JsonObject {
  context.services.faults.expireTokens(requiredString(context.body, 'user_id'));
  return {};
}

/** `POST /admin/tokens/revoke {user_id}`. */
function revokeTokens(context: RouteContext): JsonObject {
  context.services.faults.revokeTokens(requiredString(context.body, 'user_id'));
  return {};
}

/** `GET /admin/connections?user_id=` → `{count}`. */
function connections(context: RouteContext): JsonObject {
  return {
    count: context.services.faults.connectionCount(context.query.get('user_id') ?? undefined),
  };
}

/** `GET /admin/state`: the whole state in the seed format. */
function state(context: RouteContext): JsonObject {
  return { ...snapshotState(context.services.store) };
}

/** Fault injection and inspection endpoints; all need a server token. */
export const adminRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/admin/faults/drop-sockets',
    operation: 'DropSockets',
    auth: 'server',
    handle: dropSockets,
  },
  {
    method: 'POST',
    path: '/admin/faults/fail-requests',
    operation: 'FailRequests',
    auth: 'server',
    handle: failRequests,
  },
  {
    method: 'POST',
    path: '/admin/faults/delay-requests',
    operation: 'DelayRequests',
    auth: 'server',
    handle: delayRequests,
  },
  {
    method: 'POST',
    path: '/admin/faults/fail-saves',
    operation: 'FailSaves',
    auth: 'server',
    handle: failSaves,
  },
  {
    method: 'POST',
    path: '/admin/faults/clear',
    operation: 'ClearFaults',
    auth: 'server',
    handle: clearFaults,
  },
  {
    method: 'POST',
    path: '/admin/faults/refuse-connections',
    operation: 'RefuseConnections',
    auth: 'server',
    handle: refuseConnections,
  },
  {
    method: 'POST',
    path: '/admin/tokens/expire',
    operation: 'ExpireTokens',
    auth: 'server',
    handle: expireTokens,
  },
  {
    method: 'POST',
    path: '/admin/tokens/revoke',
    operation: 'RevokeTokens',
    auth: 'server',
    handle: revokeTokens,
  },
  {
    method: 'GET',
    path: '/admin/connections',
    operation: 'ConnectionCount',
    auth: 'server',
    handle: connections,
  },
  { method: 'GET', path: '/admin/state', operation: 'State', auth: 'server', handle: state },
];
