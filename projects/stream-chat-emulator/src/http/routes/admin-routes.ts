import { EmulatorFaults } from '../../faults/emulator-faults';
import { snapshotState } from '../../store/state-snapshot';
import {
  JsonObject,
  optionalInteger,
  optionalString,
  requiredString,
} from '../../protocol/body-fields';
import { RouteContext, RouteDefinition } from '../route-table';

/** `POST /admin/faults/drop-sockets {user_id?, code?}` → `{closed}`. */
function dropSockets(faults: EmulatorFaults, context: RouteContext): JsonObject {
  const closed = faults.dropSockets({
    userId: optionalString(context.body, 'user_id'),
    code: optionalInteger(context.body, 'code', 1000, 4999),
  });
  return { closed };
}

/** `POST /admin/faults/fail-requests {count, status?}`. */
function failRequests(faults: EmulatorFaults, context: RouteContext): JsonObject {
  const count = optionalInteger(context.body, 'count', 0, 100_000) ?? 1;
  faults.failNextRequests(count, optionalInteger(context.body, 'status', 400, 599) ?? 500);
  return {};
}

/** `POST /admin/faults/delay-requests {count, delay_ms}`. */
function delayRequests(faults: EmulatorFaults, context: RouteContext): JsonObject {
  const count = optionalInteger(context.body, 'count', 0, 100_000) ?? 1;
  faults.delayNextRequests(count, optionalInteger(context.body, 'delay_ms', 0, 60_000) ?? 0);
  return {};
}

/** `POST /admin/faults/fail-saves {count}`: the next data-file writes fail (a full disk). */
function failSaves(faults: EmulatorFaults, context: RouteContext): JsonObject {
  faults.failDataFileWrites(optionalInteger(context.body, 'count', 0, 100_000) ?? 1);
  return {};
}

/** `POST /admin/faults/clear`: drops pending request failures and delays. */
function clearFaults(faults: EmulatorFaults): JsonObject {
  faults.clearRequestFaults();
  return {};
}

/** `POST /admin/faults/refuse-connections {duration_ms, user_id?}`: a WebSocket outage. */
function refuseConnections(faults: EmulatorFaults, context: RouteContext): JsonObject {
  faults.refuseConnections(
    optionalInteger(context.body, 'duration_ms', 0, 600_000) ?? 0,
    optionalString(context.body, 'user_id'),
  );
  return {};
}

/** `POST /admin/tokens/expire {user_id}`. */
function expireTokens(faults: EmulatorFaults, context: RouteContext): JsonObject {
  faults.expireTokens(requiredString(context.body, 'user_id'));
  return {};
}

/** `POST /admin/tokens/revoke {user_id}`. */
function revokeTokens(faults: EmulatorFaults, context: RouteContext): JsonObject {
  faults.revokeTokens(requiredString(context.body, 'user_id'));
  return {};
}

/** `GET /admin/connections?user_id=` → `{count}`. */
function connections(faults: EmulatorFaults, context: RouteContext): JsonObject {
  return {
    count: faults.connectionCount(context.query.get('user_id') ?? undefined),
  };
}

/** `GET /admin/state`: the whole state in the seed format. */
function state(context: RouteContext): JsonObject {
  return { ...snapshotState(context.services.store) };
}

/**
 * Fault injection and inspection endpoints; all need a server token.
 * @param faults the fault-injection API the routes drive.
 */
export function adminRoutes(faults: EmulatorFaults): RouteDefinition[] {
  return [
    {
      method: 'POST',
      path: '/admin/faults/drop-sockets',
      operation: 'DropSockets',
      auth: 'server',
      handle: (context) => dropSockets(faults, context),
    },
    {
      method: 'POST',
      path: '/admin/faults/fail-requests',
      operation: 'FailRequests',
      auth: 'server',
      handle: (context) => failRequests(faults, context),
    },
    {
      method: 'POST',
      path: '/admin/faults/delay-requests',
      operation: 'DelayRequests',
      auth: 'server',
      handle: (context) => delayRequests(faults, context),
    },
    {
      method: 'POST',
      path: '/admin/faults/fail-saves',
      operation: 'FailSaves',
      auth: 'server',
      handle: (context) => failSaves(faults, context),
    },
    {
      method: 'POST',
      path: '/admin/faults/clear',
      operation: 'ClearFaults',
      auth: 'server',
      handle: () => clearFaults(faults),
    },
    {
      method: 'POST',
      path: '/admin/faults/refuse-connections',
      operation: 'RefuseConnections',
      auth: 'server',
      handle: (context) => refuseConnections(faults, context),
    },
    {
      method: 'POST',
      path: '/admin/tokens/expire',
      operation: 'ExpireTokens',
      auth: 'server',
      handle: (context) => expireTokens(faults, context),
    },
    {
      method: 'POST',
      path: '/admin/tokens/revoke',
      operation: 'RevokeTokens',
      auth: 'server',
      handle: (context) => revokeTokens(faults, context),
    },
    {
      method: 'GET',
      path: '/admin/connections',
      operation: 'ConnectionCount',
      auth: 'server',
      handle: (context) => connections(faults, context),
    },
    { method: 'GET', path: '/admin/state', operation: 'State', auth: 'server', handle: state },
  ];
}
