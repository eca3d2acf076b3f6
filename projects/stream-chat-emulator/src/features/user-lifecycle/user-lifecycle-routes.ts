import { randomUUID } from 'node:crypto';
import { isAdmin } from '../../auth/caller';
import { doesNotExistError, inputError, notAllowedError } from '../../protocol/api-error';
import {
  JsonObject,
  optionalBoolean,
  optionalString,
  optionalStringArray,
} from '../../protocol/body-fields';
import { userResponse } from '../../responses/user-responses';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { lifecycleSlice } from './lifecycle-slice';
import {
  announceToEveryone,
  closeConnectionsOf,
  deleteMessagesOf,
  statusOf,
  updateStatus,
} from './user-lifecycle';

/** @throws ApiError code 17 unless the caller is the server or an admin. */
function requireAdmin(context: RouteContext, action: string): void {
  if (!isAdmin(context.caller)) {
    throw notAllowedError(`only admins and server-side calls may ${action}`);
  }
}

/** The user named by `:id`. @throws ApiError code 16 when it does not exist. */
function pathUserId(context: RouteContext): string {
  const id = context.params['id'];
  if (!context.services.store.users.get(id)) {
    throw doesNotExistError(`user ${id} does not exist`);
  }
  return id;
}

/**
 * `POST /users/{id}/deactivate {mark_messages_deleted?}` → `{user}`: the user's connections
 * close, `user.deactivated` goes to every connection, messages are soft-deleted on request.
 */
function deactivate(context: RouteContext): JsonObject {
  requireAdmin(context, 'deactivate users');
  const id = pathUserId(context);
  const markDeleted = optionalBoolean(context.body, 'mark_messages_deleted') ?? false;
  const { services } = context;
  if (statusOf(services.store, id)?.deactivatedAt) {
    throw inputError(`user ${id} is already deactivated`);
  }
  updateStatus(services.store, id, { deactivatedAt: services.store.clock.next() });
  closeConnectionsOf(services, id, 'user deactivated');
  if (markDeleted) {
    deleteMessagesOf(services, id, false, true);
  }
  const user = userResponse(services, id);
  announceToEveryone(services, user, { type: 'user.deactivated' });
  return { user };
}

/** `POST /users/{id}/reactivate` → `{user}`; `user.reactivated` goes to every connection. */
function reactivate(context: RouteContext): JsonObject {
  requireAdmin(context, 'reactivate users');
  const id = pathUserId(context);
  if (optionalBoolean(context.body, 'restore_messages') === true) {
    throw inputError(
      'restore_messages is not supported by the emulator: deleted messages stay deleted',
    );
  }
  const { services } = context;
  if (!statusOf(services.store, id)?.deactivatedAt) {
    throw inputError(`user ${id} is not deactivated`);
  }
  const name = optionalString(context.body, 'name');
  updateStatus(services.store, id, { deactivatedAt: undefined });
  if (name !== undefined) {
    services.store.users.patch(id, { name }, []);
  }
  const user = userResponse(services, id);
  announceToEveryone(services, user, { type: 'user.reactivated' });
  return { user };
}

/** How one user is deleted. */
interface Deletion {
  hard: boolean;
  markMessagesDeleted: boolean;
  /** Whether messages go for good (hard) or become `deleted` (soft). */
  hardMessages: boolean;
}

/**
 * Deletes a user: soft (`deleted_at`, connections closed) or hard (the user, their
 * memberships and messages removed). `user.deleted` goes to every connection.
 * @returns the user as the response and event carry it.
 */
function deleteOne(context: RouteContext, id: string, deletion: Deletion): JsonObject {
  const { services } = context;
  const { store } = services;
  const deletedAt = store.clock.next();
  closeConnectionsOf(services, id, 'user deleted');
  if (deletion.markMessagesDeleted || deletion.hard) {
    deleteMessagesOf(services, id, deletion.hard || deletion.hardMessages, false);
  }
  let user: JsonObject;
  if (deletion.hard) {
    user = { ...userResponse(services, id), deleted_at: deletedAt };
    for (const cid of store.channelIdsOf(id)) {
      const channel = store.getChannel(cid);
      if (channel && store.removeMembers(channel, [id]).length > 0) {
        services.fanout.membersRemoved(channel, [id], undefined);
      }
    }
    store.slice(lifecycleSlice).users.delete(id);
    store.users.remove(id);
  } else {
    updateStatus(store, id, { deletedAt });
    user = userResponse(services, id);
  }
  announceToEveryone(services, user, {
    type: 'user.deleted',
    hard_delete: deletion.hard,
    mark_messages_deleted: deletion.markMessagesDeleted || deletion.hard,
  });
  return user;
}

/** Reads a boolean query parameter (`true`/`false`). @throws ApiError code 4. */
function queryFlag(context: RouteContext, name: string): boolean {
  const value = context.query.get(name);
  if (value === null || value === 'false') {
    return false;
  }
  if (value !== 'true') {
    throw inputError(`${name} must be true or false`);
  }
  return true;
}

/** `DELETE /users/{id}?hard_delete&mark_messages_deleted` → `{user}` (done at once, no task). */
function deleteUser(context: RouteContext): JsonObject {
  requireAdmin(context, 'delete users');
  const id = pathUserId(context);
  if (queryFlag(context, 'delete_conversation_channels')) {
    throw inputError('delete_conversation_channels is not supported by the emulator');
  }
  const hard = queryFlag(context, 'hard_delete');
  const markMessagesDeleted = queryFlag(context, 'mark_messages_deleted');
  if (!hard && statusOf(context.services.store, id)?.deletedAt) {
    throw inputError(`user ${id} is already deleted`);
  }
  return { user: deleteOne(context, id, { hard, markMessagesDeleted, hardMessages: false }) };
}

/** Reads a `soft`/`hard` option of `POST /users/delete`. @throws ApiError code 4 for others. */
function deleteMode(body: JsonObject, key: string): 'soft' | 'hard' | undefined {
  const value = optionalString(body, key);
  if (value === undefined || value === 'soft' || value === 'hard') {
    return value;
  }
  throw inputError(`${key} must be soft or hard (the emulator does not support "${value}")`);
}

/**
 * `POST /users/delete {user_ids, user?, messages?}` → `{task_id}`: the deletion runs at once;
 * the task reports `completed` with a result per user.
 */
function deleteUsers(context: RouteContext): JsonObject {
  requireAdmin(context, 'delete users');
  const ids = optionalStringArray(context.body, 'user_ids');
  if (!ids || ids.length === 0) {
    throw inputError('user_ids must be a non-empty array of user ids');
  }
  if (context.body['conversations'] !== undefined) {
    throw inputError('conversations is not supported by the emulator');
  }
  if (context.body['new_channel_owner_id'] !== undefined) {
    throw inputError('new_channel_owner_id is not supported by the emulator');
  }
  const userMode = deleteMode(context.body, 'user');
  const messageMode = deleteMode(context.body, 'messages');
  for (const id of ids) {
    if (!context.services.store.users.get(id)) {
      throw doesNotExistError(`user ${id} does not exist`);
    }
  }
  const result: Record<string, string> = {};
  for (const id of new Set(ids)) {
    deleteOne(context, id, {
      hard: userMode === 'hard',
      markMessagesDeleted: messageMode !== undefined,
      hardMessages: messageMode === 'hard',
    });
    result[id] = 'deleted';
  }
  const { store } = context.services;
  const task = { id: randomUUID(), createdAt: store.clock.next(), result };
  store.slice(lifecycleSlice).tasks.set(task.id, task);
  store.changed();
  return { task_id: task.id };
}

/** `GET /tasks/{id}` → `{task_id, status: 'completed', created_at, updated_at, result}`. */
function getTask(context: RouteContext): JsonObject {
  requireAdmin(context, 'read tasks');
  const task = context.services.store.slice(lifecycleSlice).tasks.get(context.params['id']);
  if (!task) {
    throw doesNotExistError(`task ${context.params['id']} does not exist`);
  }
  return {
    task_id: task.id,
    status: 'completed',
    created_at: task.createdAt,
    updated_at: task.createdAt,
    result: task.result,
  };
}

/** Deactivate, reactivate and delete endpoints (server-side). */
export const userLifecycleRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/users/delete',
    operation: 'DeleteUsers',
    auth: 'caller',
    status: 201,
    handle: deleteUsers,
  },
  {
    method: 'POST',
    path: '/users/:id/deactivate',
    operation: 'DeactivateUser',
    auth: 'caller',
    status: 201,
    handle: deactivate,
  },
  {
    method: 'POST',
    path: '/users/:id/reactivate',
    operation: 'ReactivateUser',
    auth: 'caller',
    status: 201,
    handle: reactivate,
  },
  {
    method: 'DELETE',
    path: '/users/:id',
    operation: 'DeleteUser',
    auth: 'caller',
    handle: deleteUser,
  },
  { method: 'GET', path: '/tasks/:id', operation: 'GetTask', auth: 'caller', handle: getTask },
];
