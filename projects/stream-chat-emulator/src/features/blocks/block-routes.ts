import { doesNotExistError, inputError } from '../../protocol/api-error';
import { JsonObject, requiredString } from '../../protocol/body-fields';
import { userResponse } from '../../responses/user-responses';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { actingUser, namedUserId } from '../../http/routes/channel-access';
import { blocksSlice } from './blocks-slice';

/** Reads `blocked_user_id` and checks it names another existing user. @throws ApiError 4 or 16. */
function blockedUserId(context: RouteContext, actorId: string): string {
  const id = requiredString(context.body, 'blocked_user_id');
  if (id === actorId) {
    throw inputError('you cannot block yourself');
  }
  if (!context.services.store.users.get(id)) {
    throw doesNotExistError(`user ${id} does not exist`);
  }
  return id;
}

/**
 * `POST /users/block {blocked_user_id}` → `{blocked_by_user_id, blocked_user_id, blocked_at}`;
 * blocking again keeps the first time.
 */
function block(context: RouteContext): JsonObject {
  const actor = actingUser(context, namedUserId(context.body), 'BlockUser');
  const blockedId = blockedUserId(context, actor.userId);
  const { store } = context.services;
  const state = store.slice(blocksSlice);
  let blocked = state.get(actor.userId);
  if (!blocked) {
    blocked = new Map();
    state.set(actor.userId, blocked);
  }
  let createdAt = blocked.get(blockedId);
  if (createdAt === undefined) {
    createdAt = store.clock.next();
    blocked.set(blockedId, createdAt);
    store.changed();
  }
  return {
    blocked_by_user_id: actor.userId,
    blocked_user_id: blockedId,
    blocked_at: createdAt,
    created_at: createdAt,
  };
}

/** `POST /users/unblock {blocked_user_id}` → `{}`. @throws ApiError code 16 when not blocked. */
function unblock(context: RouteContext): JsonObject {
  const actor = actingUser(context, namedUserId(context.body), 'UnblockUser');
  const blockedId = blockedUserId(context, actor.userId);
  const { store } = context.services;
  if (!store.slice(blocksSlice).get(actor.userId)?.delete(blockedId)) {
    throw doesNotExistError(`user ${blockedId} is not blocked by ${actor.userId}`);
  }
  store.changed();
  return {};
}

/** `GET /users/block` → `{blocks: [{user_id, user, blocked_user_id, blocked_user, created_at}]}`. */
function listBlocks(context: RouteContext): JsonObject {
  const named = context.query.get('user_id') ?? undefined;
  const actor = actingUser(
    context,
    context.caller.kind === 'server' ? named : undefined,
    'GetBlockedUsers',
  );
  const { services } = context;
  const blocked = services.store.slice(blocksSlice).get(actor.userId) ?? new Map<string, string>();
  return {
    blocks: [...blocked]
      .filter(([blockedId]) => services.store.users.get(blockedId))
      .map(([blockedId, createdAt]) => ({
        user_id: actor.userId,
        user: userResponse(services, actor.userId),
        blocked_user_id: blockedId,
        blocked_user: userResponse(services, blockedId),
        created_at: createdAt,
      })),
  };
}

/** Block endpoints. */
export const blockRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/users/block',
    operation: 'BlockUser',
    auth: 'caller',
    status: 201,
    handle: block,
  },
  {
    method: 'GET',
    path: '/users/block',
    operation: 'GetBlockedUsers',
    auth: 'caller',
    handle: listBlocks,
  },
  {
    method: 'POST',
    path: '/users/unblock',
    operation: 'UnblockUser',
    auth: 'caller',
    status: 201,
    handle: unblock,
  },
];
