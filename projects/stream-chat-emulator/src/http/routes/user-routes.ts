import { inputError, notAllowedError } from '../../protocol/api-error';
import { Caller, isAdmin } from '../../auth/caller';
import { userResponse } from '../../responses/user-responses';
import { isUserId } from '../../protocol/identifiers';
import { UserRecord } from '../../store/model';
import { compileComparison, compileFilter } from '../../store/query-filter';
import { isPlainObject, ownField } from '../../protocol/body-fields';
import { checkCustomDataSize, parseJsonWithin } from '../../protocol/json-limits';
import { parseSort, sortRecords } from '../../store/query-sort';
import { customUserFields } from '../../store/user-directory';
import {
  JsonObject,
  optionalArray,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalStringArray,
} from '../../protocol/body-fields';
import { RouteContext, RouteDefinition } from '../route-table';
import { callerSession } from './channel-access';

/** Users per page when no `limit` is sent. */
const DEFAULT_QUERY_USERS_LIMIT = 30;
/** Most users one page may hold. */
const MAX_QUERY_USERS_LIMIT = 100;

/** Reads a user field for filtering and sorting. */
function userFieldValue(context: RouteContext, user: UserRecord, field: string): unknown {
  switch (field) {
    case 'id':
      return user.id;
    case 'role':
      return user.role;
    case 'created_at':
      return user.createdAt;
    case 'updated_at':
      return user.updatedAt;
    case 'last_active':
      return user.lastActive;
    case 'banned':
      return user.banned;
    case 'online':
      return context.services.sessions.isOnline(user.id);
    default:
      return ownField(user.data, field);
  }
}

/**
 * `GET /users?payload={filter_conditions, sort, limit, offset, presence}`: filters users
 * (`$eq $in $autocomplete`... on `id`, `name`, `role` and custom fields), sorts them
 * (default: `created_at` ascending) and subscribes the connection to their presence.
 */
function queryUsers(context: RouteContext): JsonObject {
  const payloadText = context.query.get('payload');
  let payload: unknown = {};
  if (payloadText !== null) {
    payload = parseJsonWithin(payloadText, 'payload (URL-encoded JSON)');
  }
  if (!isPlainObject(payload)) {
    throw inputError('payload must be a JSON object');
  }
  const predicate = compileFilter(payload['filter_conditions'] ?? {}, {
    value: (user: UserRecord, field: string) => userFieldValue(context, user, field),
    special: {
      name: (operator, operand) => {
        const test = compileComparison('name', operator, operand);
        return (user) => test(user.data['name'] ?? user.id);
      },
    },
  });
  const sort = parseSort(payload['sort'], [{ field: 'created_at', direction: 1 }]);
  const limit =
    optionalInteger(payload, 'limit', 0, MAX_QUERY_USERS_LIMIT) ?? DEFAULT_QUERY_USERS_LIMIT;
  const offset = optionalInteger(payload, 'offset', 0, 1_000_000) ?? 0;
  const presence = optionalBoolean(payload, 'presence') ?? false;
  const matching = context.services.store.users.list().filter(predicate);
  const page = sortRecords(matching, [...sort, { field: 'id', direction: 1 }], (user, field) =>
    userFieldValue(context, user, field),
  ).slice(offset, offset + limit);
  const session = callerSession(context);
  if (presence && session) {
    context.services.presence.subscribe(
      session,
      page.map((user) => user.id),
    );
  }
  return { users: page.map((user) => userResponse(context.services, user.id)) };
}

/**
 * Checks that the caller may change this user: admins change anyone, users only
 * themselves and never their role.
 * @throws ApiError code 17 otherwise.
 */
function requireUserUpdate(caller: Caller, userId: string, changesRole: boolean): void {
  if (caller.kind === 'anonymous') {
    throw notAllowedError('Anonymous user is not allowed to perform action UpdateUser');
  }
  if (isAdmin(caller)) {
    return;
  }
  if (caller.kind === 'user' && caller.userId !== userId) {
    throw notAllowedError(`User '${caller.userId}' is not allowed to update user '${userId}'`);
  }
  if (changesRole) {
    throw notAllowedError('users cannot change their own role');
  }
}

/** Checks an incoming user id. @throws ApiError code 4. */
function checkUserId(id: unknown): string {
  if (!isUserId(id)) {
    throw inputError(
      `user id ${JSON.stringify(id)} is not valid: it must match /^[@\\w-]{1,255}$/`,
    );
  }
  return id;
}

/**
 * `POST /users {users: {id: user}}`: creates or replaces users; `user.updated` goes out.
 * Every user is checked before any is written, so a request is applied whole or not at all.
 */
function upsertUsers(context: RouteContext): JsonObject {
  const users = optionalObject(context.body, 'users');
  if (!users || Object.keys(users).length === 0) {
    throw inputError('users must be an object of users by id');
  }
  const checked: Array<{ id: string; data: JsonObject; role: string | undefined }> = [];
  for (const [key, value] of Object.entries(users)) {
    if (!isPlainObject(value)) {
      throw inputError(`users.${key} must be a user object`);
    }
    const id = checkUserId(value['id'] ?? key);
    const role = value['role'];
    if (role !== undefined && typeof role !== 'string') {
      throw inputError('role must be a string');
    }
    const current = context.services.store.users.get(id);
    requireUserUpdate(context.caller, id, role !== undefined && role !== (current?.role ?? 'user'));
    const data = customUserFields(value);
    checkCustomDataSize(`user "${id}"`, data);
    checked.push({ id, data, role });
  }
  const result: JsonObject = {};
  for (const { id, data, role } of checked) {
    context.services.store.users.replace(id, data, role);
    context.services.presence.announceUpdate(id);
    result[id] = userResponse(context.services, id);
  }
  return { users: result };
}

/**
 * `PATCH /users {users: [{id, set, unset}]}`: partial updates; `user.updated` goes out.
 * Every update is checked before any is applied.
 */
function partialUpdateUsers(context: RouteContext): JsonObject {
  const updates = optionalArray(context.body, 'users');
  if (!updates || updates.length === 0) {
    throw inputError('users must be a non-empty array of {id, set, unset}');
  }
  const checked: Array<{ id: string; set: JsonObject; unset: string[]; role?: string }> = [];
  for (const update of updates) {
    if (!isPlainObject(update)) {
      throw inputError('users must be a non-empty array of {id, set, unset}');
    }
    const id = checkUserId(update['id']);
    const set = optionalObject(update, 'set') ?? {};
    const unset = optionalStringArray(update, 'unset') ?? [];
    const role = set['role'];
    if (role !== undefined && typeof role !== 'string') {
      throw inputError('role must be a string');
    }
    if (!context.services.store.users.get(id) && !isAdmin(context.caller)) {
      throw inputError(`user "${id}" does not exist`);
    }
    requireUserUpdate(
      context.caller,
      id,
      role !== undefined && role !== context.services.store.users.get(id)?.role,
    );
    const custom = customUserFields(set);
    const merged = { ...context.services.store.users.get(id)?.data, ...custom };
    unset.forEach((key) => delete merged[key]);
    checkCustomDataSize(`user "${id}"`, merged);
    checked.push({ id, set: custom, unset, role });
  }
  const result: JsonObject = {};
  for (const { id, set, unset, role } of checked) {
    context.services.store.users.patch(id, set, unset, role);
    context.services.presence.announceUpdate(id);
    result[id] = userResponse(context.services, id);
  }
  return { users: result };
}

/** User query and update endpoints. */
export const userRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/users', operation: 'QueryUsers', auth: 'caller', handle: queryUsers },
  {
    method: 'POST',
    path: '/users',
    operation: 'UpdateUsers',
    auth: 'caller',
    status: 201,
    handle: upsertUsers,
  },
  {
    method: 'PATCH',
    path: '/users',
    operation: 'UpdateUsersPartial',
    auth: 'caller',
    handle: partialUpdateUsers,
  },
];
