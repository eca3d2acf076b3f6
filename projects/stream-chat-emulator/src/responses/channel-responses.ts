import { Caller, callerUserId } from '../auth/caller';
import { ownCapabilities } from '../auth/channel-permissions';
import {
  ChannelTypeDefinition,
  channelConfigResponse,
  findChannelType,
} from '../store/channel-types';
import { ChannelRecord, MemberRecord, MessageRecord } from '../store/model';
import { messageResponse } from './message-responses';
import { extensionFields } from './response-extensions';
import { userResponse } from './user-responses';
import { WireContext } from './wire-context';

/** A channel, member or full channel state as Stream sends it. */
export type WireObject = Record<string, unknown>;

/**
 * The `channel` object (`ChannelResponse`): custom fields, identity, times, creator,
 * `member_count`, the type's `config`, and the caller's `own_capabilities` when a caller is given.
 */
export function channelResponse(
  context: WireContext,
  channel: ChannelRecord,
  caller?: Caller,
): WireObject {
  const type = findChannelType(channel.type);
  return {
    ...channel.data,
    id: channel.id,
    type: channel.type,
    cid: channel.cid,
    created_at: channel.createdAt,
    updated_at: channel.updatedAt,
    ...(channel.lastMessageAt ? { last_message_at: channel.lastMessageAt } : {}),
    created_by: channel.createdById ? userResponse(context, channel.createdById) : null,
    frozen: channel.data['frozen'] === true,
    disabled: false,
    hidden: false,
    member_count: channel.members.size,
    config: type ? channelConfig(context, type, channel.createdAt) : {},
    ...(caller ? { own_capabilities: capabilities(context, caller, channel) } : {}),
    ...extensionFields(
      context.responseExtensions,
      (extension) => extension.channelFields,
      context,
      channel,
      caller,
    ),
  };
}

/** A channel type's `config`, with the switches of the registered features. */
export function channelConfig(
  context: WireContext,
  type: ChannelTypeDefinition,
  createdAt: string,
): WireObject {
  return {
    ...channelConfigResponse(type, createdAt),
    ...extensionFields(context.responseExtensions, (extension) => extension.channelConfigFields),
  };
}

/** The caller's `own_capabilities`: the core's, then each registered feature's. */
function capabilities(context: WireContext, caller: Caller, channel: ChannelRecord): string[] {
  const all = ownCapabilities(caller, channel);
  for (const extension of context.responseExtensions) {
    for (const capability of extension.capabilities?.(context, caller, channel) ?? []) {
      if (!all.includes(capability)) {
        all.push(capability);
      }
    }
  }
  const withdrawn = new Set<string>();
  for (const extension of context.responseExtensions) {
    for (const capability of extension.withdrawnCapabilities?.(context, caller, channel) ?? []) {
      withdrawn.add(capability);
    }
  }
  return withdrawn.size === 0 ? all : all.filter((capability) => !withdrawn.has(capability));
}

/** A member (`ChannelMemberResponse`), with its user. */
export function memberResponse(
  context: WireContext,
  channel: ChannelRecord,
  member: MemberRecord,
): WireObject {
  const role =
    member.channelRole === 'channel_moderator'
      ? 'moderator'
      : channel.createdById === member.userId
        ? 'owner'
        : 'member';
  return {
    user_id: member.userId,
    user: userResponse(context, member.userId),
    role,
    channel_role: member.channelRole,
    created_at: member.createdAt,
    updated_at: member.updatedAt,
    banned: false,
    shadow_banned: false,
    notifications_muted: false,
    status: 'member',
    ...extensionFields(
      context.responseExtensions,
      (extension) => extension.memberFields,
      context,
      channel,
      member,
    ),
  };
}

/** Every member's read state (`read[]`): `user`, `last_read`, `unread_messages`, `last_read_message_id`. */
export function readResponses(context: WireContext, channel: ChannelRecord): WireObject[] {
  return [...channel.members.values()].map((member) => ({
    user: userResponse(context, member.userId),
    last_read: member.read.lastRead,
    unread_messages: member.read.unreadMessages,
    ...(member.read.lastReadMessageId
      ? { last_read_message_id: member.read.lastReadMessageId }
      : {}),
  }));
}

/** Limits for the lists inside a channel state. */
export interface ChannelStateLimits {
  /** The messages to include, already paged. */
  messages: MessageRecord[];
  /** Most members to list. */
  memberLimit: number;
  /** Most watchers to list. */
  watcherLimit: number;
}

/**
 * The full state of a channel for a caller (`ChannelAPIResponse`): the channel, a page of
 * messages, members, the caller's membership, everyone's read state and the watchers.
 */
export function channelStateResponse(
  context: WireContext,
  channel: ChannelRecord,
  caller: Caller,
  limits: ChannelStateLimits,
): WireObject {
  const callerId = callerUserId(caller);
  const ownMember = callerId ? channel.members.get(callerId) : undefined;
  const watcherIds = context.sessions.watcherIds(channel.cid);
  return {
    channel: channelResponse(context, channel, caller),
    messages: limits.messages.map((message) => messageResponse(context, message, callerId)),
    pinned_messages: [],
    members: [...channel.members.values()]
      .slice(0, limits.memberLimit)
      .map((member) => memberResponse(context, channel, member)),
    membership: ownMember ? memberResponse(context, channel, ownMember) : null,
    read: findChannelType(channel.type)?.readEvents ? readResponses(context, channel) : [],
    watcher_count: context.sessions.watcherCount(channel.cid),
    watchers: watcherIds.slice(0, limits.watcherLimit).map((id) => userResponse(context, id)),
    hidden: false,
    ...extensionFields(
      context.responseExtensions,
      (extension) => extension.channelStateFields,
      context,
      channel,
      caller,
    ),
  };
}
