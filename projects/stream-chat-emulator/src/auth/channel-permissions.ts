import { findChannelType } from '../store/channel-types';
import { ChannelRecord } from '../store/model';
import { Caller, isAdmin } from './caller';

/** Whether the caller is a member of the channel or created it. */
function belongsTo(caller: Caller, channel: ChannelRecord): boolean {
  return (
    caller.kind === 'user' &&
    (channel.members.has(caller.userId) || channel.createdById === caller.userId)
  );
}

function isPublic(channel: ChannelRecord): boolean {
  return findChannelType(channel.type)?.access === 'public';
}

/** Whether the caller may read (query, watch) the channel: admins, members, or anyone on public types. */
export function canReadChannel(caller: Caller, channel: ChannelRecord): boolean {
  return isAdmin(caller) || isPublic(channel) || belongsTo(caller, channel);
}

/** Whether the caller may send messages, typing and read events: never anonymous. */
export function canWriteChannel(caller: Caller, channel: ChannelRecord): boolean {
  if (caller.kind === 'anonymous') {
    return false;
  }
  return isAdmin(caller) || isPublic(channel) || belongsTo(caller, channel);
}

/** Whether the caller may change the channel's data and members: admins, members, the creator. */
export function canUpdateChannel(caller: Caller, channel: ChannelRecord): boolean {
  return isAdmin(caller) || belongsTo(caller, channel);
}

/** Whether the caller may delete the channel: admins and the creator. */
export function canDeleteChannel(caller: Caller, channel: ChannelRecord): boolean {
  return isAdmin(caller) || (caller.kind === 'user' && channel.createdById === caller.userId);
}

/**
 * The `own_capabilities` of the caller on the channel. The client reads `read-events`
 * (to send `/read` and count unread messages) and UI kits read the others.
 */
export function ownCapabilities(caller: Caller, channel: ChannelRecord): string[] {
  const type = findChannelType(channel.type);
  const capabilities: string[] = [];
  if (type?.connectEvents) {
    capabilities.push('connect-events');
  }
  if (!canWriteChannel(caller, channel)) {
    return capabilities;
  }
  if (type?.readEvents) {
    capabilities.push('read-events');
  }
  if (type?.typingEvents) {
    capabilities.push('send-typing-events', 'typing-events');
  }
  // Only what the core implements; features add theirs (`send-reaction`, `upload-file`...).
  capabilities.push(
    'send-message',
    'send-reply',
    'send-links',
    'send-custom-events',
    'quote-message',
    'update-own-message',
    'delete-own-message',
  );
  if (canUpdateChannel(caller, channel)) {
    capabilities.push('update-channel', 'update-channel-members', 'leave-channel');
  }
  if (canDeleteChannel(caller, channel)) {
    capabilities.push('delete-channel');
  }
  return capabilities;
}

/**
 * Whether the caller moderates the channel (freeze, slow mode, truncate): admins and the
 * server, the channel's moderators (`channel_moderator`) and its creator.
 */
export function canModerateChannel(caller: Caller, channel: ChannelRecord): boolean {
  return (
    isAdmin(caller) ||
    (caller.kind === 'user' &&
      (channel.createdById === caller.userId ||
        channel.members.get(caller.userId)?.channelRole === 'channel_moderator'))
  );
}
