import { doesNotExistError, inputError, notAllowedError } from '../../protocol/api-error';
import { Caller, callerUserId } from '../../auth/caller';
import { canReadChannel, canWriteChannel } from '../../auth/channel-permissions';
import { findChannelType } from '../../store/channel-types';
import { isChannelId, isChannelType, isUserId } from '../../protocol/identifiers';
import { ChannelRecord, toCid } from '../../store/model';
import { ClientSession } from '../../sessions/client-session';
import { JsonObject } from '../../protocol/body-fields';
import { RouteContext } from '../route-table';

/**
 * Checks the `:type` path parameter: valid syntax (code 4) and a built-in type (code 16).
 */
export function channelTypeParam(context: RouteContext): string {
  const type = context.params['type'];
  if (!isChannelType(type)) {
    throw inputError(`channel type "${type}" is not valid: it must match /^[\\w-]+$/`);
  }
  if (!findChannelType(type)) {
    throw doesNotExistError(`channel type "${type}" does not exist`);
  }
  return type;
}

/** Checks `:type` and `:id` and returns the cid. @throws ApiError code 4 or 16. */
export function channelCidParam(context: RouteContext): string {
  const type = channelTypeParam(context);
  const id = context.params['id'];
  if (!isChannelId(id)) {
    throw inputError(`channel id "${id}" is not valid: it must match /^[\\w!-]{1,64}$/`);
  }
  return toCid(type, id);
}

/** The channel named by the path. @throws ApiError code 16 when it does not exist. */
export function requireChannel(context: RouteContext): ChannelRecord {
  const cid = channelCidParam(context);
  const channel = context.services.store.getChannel(cid);
  if (!channel) {
    throw doesNotExistError(`channel "${cid}" does not exist`);
  }
  return channel;
}

/** Describes a caller the way Stream's permission errors do. */
function describe(caller: Caller): string {
  switch (caller.kind) {
    case 'user':
      return `User '${caller.userId}' with role '${caller.role}'`;
    case 'anonymous':
      return `Anonymous user`;
    default:
      return 'Server';
  }
}

/** @throws ApiError code 17 unless the caller may read the channel. */
export function requireReadable(caller: Caller, channel: ChannelRecord): void {
  if (!canReadChannel(caller, channel)) {
    throw notAllowedError(
      `${describe(caller)} is not allowed to perform action ReadChannel in scope '${channel.type}'`,
    );
  }
}

/** @throws ApiError code 17 unless the caller may write (send, type, read events) to the channel. */
export function requireWritable(caller: Caller, channel: ChannelRecord, action: string): void {
  if (!canWriteChannel(caller, channel)) {
    throw notAllowedError(
      `${describe(caller)} is not allowed to perform action ${action} in scope '${channel.type}'`,
    );
  }
}

/**
 * The caller as it acts on something: users act as themselves, the server acts as the
 * user it names (e.g. `user_id` in the body), anonymous callers are refused.
 * @param namedUserId the user named in the request, if any.
 * @param action the action name for error messages.
 * @throws ApiError code 17 for anonymous callers or a user naming someone else,
 * code 4 when the server names no existing user.
 */
export function actingUser(
  context: RouteContext,
  namedUserId: string | undefined,
  action: string,
): Caller & { kind: 'user' } {
  const { caller } = context;
  if (caller.kind === 'anonymous') {
    throw notAllowedError(`Anonymous user is not allowed to perform action ${action}`);
  }
  if (caller.kind === 'user') {
    if (namedUserId !== undefined && namedUserId !== caller.userId) {
      throw notAllowedError(
        `User '${caller.userId}' cannot perform action ${action} on behalf of '${namedUserId}'`,
      );
    }
    return caller;
  }
  if (namedUserId === undefined) {
    throw inputError(`server-side ${action} needs the acting user (user_id or user.id)`);
  }
  const user = isUserId(namedUserId) ? context.services.store.users.get(namedUserId) : undefined;
  if (!user) {
    throw inputError(`user "${namedUserId}" does not exist`);
  }
  return { kind: 'user', userId: user.id, role: user.role };
}

/** The user id named by a body field `user_id` or `user: {id}`, when present. */
export function namedUserId(body: JsonObject): string | undefined {
  const direct = body['user_id'];
  if (typeof direct === 'string') {
    return direct;
  }
  const user = body['user'];
  if (typeof user === 'object' && user !== null && typeof (user as JsonObject)['id'] === 'string') {
    return (user as JsonObject)['id'] as string;
  }
  return undefined;
}

/**
 * The connection named by `connection_id`, if it is open and belongs to the caller.
 * Stale or foreign ids mean "no connection" (no watch), never an error.
 */
export function callerSession(context: RouteContext): ClientSession | undefined {
  const session = context.services.sessions.get(context.connectionId);
  if (!session) {
    return undefined;
  }
  const { caller } = context;
  if (caller.kind === 'anonymous') {
    return session.anonymous ? session : undefined;
  }
  return !session.anonymous && session.userId === callerUserId(caller) ? session : undefined;
}
