import { isUserId } from '../../protocol/identifiers';
import { inputError } from '../../protocol/api-error';
import {
  JsonObject,
  optionalInteger,
  optionalString,
  optionalStringArray,
} from '../../protocol/body-fields';
import { ownUserResponse } from '../../responses/user-responses';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { actingUser, namedUserId } from '../../http/routes/channel-access';
import { MAX_MUTE_MINUTES, muteResponse, muteUsers, unmuteUsers } from './user-mutes';

/** The targets of a mute request: `target_id` (what the JS client sends) and/or `target_ids`. */
function targetIdsOf(body: JsonObject): string[] {
  const single = optionalString(body, 'target_id');
  const many = optionalStringArray(body, 'target_ids') ?? [];
  const ids = [...new Set([...(single !== undefined ? [single] : []), ...many])];
  for (const id of ids) {
    if (!isUserId(id)) {
      throw inputError(`target id ${JSON.stringify(id)} is not a valid user id`);
    }
  }
  return ids;
}

/** `POST /moderation/mute {target_id | target_ids, timeout?}` → `{mute, mutes, own_user}`. */
function mute(context: RouteContext): JsonObject {
  const actor = actingUser(context, namedUserId(context.body), 'MuteUser');
  const targets = targetIdsOf(context.body);
  const timeout = optionalInteger(context.body, 'timeout', 1, MAX_MUTE_MINUTES);
  const made = muteUsers(context.services, actor.userId, targets, timeout);
  return {
    mute: muteResponse(context.services, made[0]),
    mutes: made.map((item) => muteResponse(context.services, item)),
    own_user: ownUserResponse(context.services, actor.userId),
  };
}

/** `POST /moderation/unmute {target_id | target_ids}` → `{}`; unmuting a user not muted changes nothing. */
function unmute(context: RouteContext): JsonObject {
  const actor = actingUser(context, namedUserId(context.body), 'UnmuteUser');
  unmuteUsers(context.services, actor.userId, targetIdsOf(context.body));
  return {};
}

/** User mute endpoints. */
export const userMuteRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/moderation/mute',
    operation: 'MuteUser',
    auth: 'caller',
    status: 201,
    handle: mute,
  },
  {
    method: 'POST',
    path: '/moderation/unmute',
    operation: 'UnmuteUser',
    auth: 'caller',
    status: 201,
    handle: unmute,
  },
];
