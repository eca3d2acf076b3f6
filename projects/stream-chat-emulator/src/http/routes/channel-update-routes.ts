import { inputError, notAllowedError } from '../../protocol/api-error';
import { canDeleteChannel, canUpdateChannel } from '../../auth/channel-permissions';
import { Caller, callerUserId } from '../../auth/caller';
import { channelResponse, memberResponse } from '../../responses/channel-responses';
import { findChannelType } from '../../store/channel-types';
import { ChannelRecord } from '../../store/model';
import { ChannelUpdate } from '../../services/service-hooks';
import { JsonObject, optionalObject, optionalStringArray } from '../../protocol/body-fields';
import { RouteContext, RouteDefinition } from '../route-table';
import { requireChannel } from './channel-access';
import { customChannelData, parseMemberEntries } from './channel-creation';

/** @throws ApiError code 17 unless the caller may update the channel. */
function requireUpdatable(caller: Caller, channel: ChannelRecord): void {
  if (!canUpdateChannel(caller, channel)) {
    throw notAllowedError(
      `${callerUserId(caller) ?? 'caller'} is not allowed to perform action UpdateChannel in scope '${channel.type}'`,
    );
  }
}

/** A channel update the features checked, and what they apply after the core's changes. */
interface PreparedUpdate {
  update: ChannelUpdate;
  /** The features' own changes, in registration order. */
  featureChanges: Array<() => void>;
}

/**
 * Runs every feature's `prepareChannelUpdate` before anything is stored: they check the
 * fields they own, may add fields to the update's `set`, and return what to apply afterwards.
 */
function preparedUpdate(
  context: RouteContext,
  channel: ChannelRecord,
  kind: ChannelUpdate['kind'],
  set: Record<string, unknown>,
  unset: string[],
  replace: boolean,
): PreparedUpdate {
  const update: ChannelUpdate = {
    caller: context.caller,
    channel,
    kind,
    body: context.body,
    set,
    unset,
    replace,
  };
  const featureChanges = context.services.hooks.flatMap((hooks) => {
    const apply = hooks.prepareChannelUpdate?.(context.services, update);
    return apply ? [apply] : [];
  });
  return { update, featureChanges };
}

/** The answer of update endpoints: the channel and its members. */
function updateAnswer(context: RouteContext, channel: ChannelRecord): JsonObject {
  return {
    channel: channelResponse(context.services, channel, context.caller),
    members: [...channel.members.values()].map((member) =>
      memberResponse(context.services, channel, member),
    ),
  };
}

/**
 * `POST /channels/{type}/{id}`: `data` replaces the custom fields (`channel.updated`),
 * `add_members` adds members (`member.added`, `notification.added_to_channel`),
 * `remove_members` removes them (`member.removed`, `notification.removed_from_channel`);
 * features check and handle their own fields (`frozen`, `cooldown`, `invites`,
 * `add_moderators`...) through `prepareChannelUpdate`.
 */
function updateChannel(context: RouteContext): JsonObject {
  const { services, body, caller } = context;
  const channel = requireChannel(context);
  requireUpdatable(caller, channel);
  const data = optionalObject(body, 'data');
  const toAdd =
    body['add_members'] === undefined
      ? []
      : parseMemberEntries(context, body['add_members'], 'add_members');
  const toRemove = optionalStringArray(body, 'remove_members') ?? [];
  const actorId = callerUserId(caller);
  const { update, featureChanges } = preparedUpdate(
    context,
    channel,
    'full',
    data ? customChannelData(data) : {},
    [],
    !!data,
  );
  if (data) {
    services.store.replaceChannelData(channel, update.set);
  } else if (Object.keys(update.set).length > 0) {
    services.store.updateChannelData(channel, update.set);
  }
  if (data || Object.keys(update.set).length > 0) {
    services.fanout.channelUpdated(channel, actorId);
  }
  const added = toAdd.flatMap((entry) =>
    services.store.addMembers(channel, [entry.userId], entry.channelRole),
  );
  if (added.length > 0) {
    services.fanout.membersAdded(channel, added, actorId);
  }
  const removed = services.store.removeMembers(channel, toRemove);
  if (removed.length > 0) {
    services.fanout.membersRemoved(channel, removed, actorId);
    if (findChannelType(channel.type)?.access === 'members') {
      for (const userId of removed) {
        if (channel.createdById !== userId) {
          services.watching.stopUser(userId, channel);
        }
      }
    }
  }
  for (const apply of featureChanges) {
    apply();
  }
  return updateAnswer(context, channel);
}

/**
 * `PATCH /channels/{type}/{id}`: `set` and `unset` custom fields, then `channel.updated`;
 * features check their own fields (`frozen`, `cooldown`...) through `prepareChannelUpdate`.
 */
function updateChannelPartial(context: RouteContext): JsonObject {
  const { services, body, caller } = context;
  const channel = requireChannel(context);
  requireUpdatable(caller, channel);
  const set = optionalObject(body, 'set') ?? {};
  const unset = optionalStringArray(body, 'unset') ?? [];
  if (Object.keys(set).length === 0 && unset.length === 0) {
    throw inputError('set or unset is required');
  }
  const { update, featureChanges } = preparedUpdate(
    context,
    channel,
    'partial',
    customChannelData(set),
    unset,
    false,
  );
  services.store.updateChannelData(channel, update.set, update.unset);
  services.fanout.channelUpdated(channel, callerUserId(caller));
  for (const apply of featureChanges) {
    apply();
  }
  return updateAnswer(context, channel);
}

/** `DELETE /channels/{type}/{id}`: deletes the channel and its messages; `channel.deleted` to watchers and members. */
function deleteChannel(context: RouteContext): JsonObject {
  const { services, caller } = context;
  const channel = requireChannel(context);
  if (!canDeleteChannel(caller, channel)) {
    throw notAllowedError(
      `${callerUserId(caller) ?? 'caller'} is not allowed to perform action DeleteChannel in scope '${channel.type}'`,
    );
  }
  const deletedAt = services.store.clock.next();
  services.fanout.channelDeleted(channel, deletedAt);
  services.sessions.forgetChannel(channel.cid);
  services.store.deleteChannel(channel);
  return { channel: { ...channelResponse(services, channel), deleted_at: deletedAt } };
}

/** Channel update, partial update and delete endpoints. */
export const channelUpdateRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/channels/:type/:id',
    operation: 'UpdateChannel',
    auth: 'caller',
    handle: updateChannel,
  },
  {
    method: 'PATCH',
    path: '/channels/:type/:id',
    operation: 'UpdateChannelPartial',
    auth: 'caller',
    handle: updateChannelPartial,
  },
  {
    method: 'DELETE',
    path: '/channels/:type/:id',
    operation: 'DeleteChannel',
    auth: 'caller',
    handle: deleteChannel,
  },
];
