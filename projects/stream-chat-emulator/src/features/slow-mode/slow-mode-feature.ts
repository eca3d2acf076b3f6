import { canModerateChannel } from '../../auth/channel-permissions';
import { Caller, callerUserId } from '../../auth/caller';
import { ApiError, inputError, notAllowedError } from '../../protocol/api-error';
import { ChannelUpdate, MessageToSend } from '../../services/service-hooks';
import { ChannelRecord } from '../../store/model';
import { EmulatorFeature } from '../emulator-feature';

/** Stream's error code for a message sent within the slow-mode cooldown (HTTP 403). */
export const COOLDOWN_ERROR_CODE = 60;
/** Longest cooldown Stream accepts, in seconds. */
export const MAX_COOLDOWN_SECONDS = 120;

/** The channel's cooldown in seconds; 0 when slow mode is off. */
export function cooldownOf(channel: ChannelRecord): number {
  const cooldown = channel.data['cooldown'];
  return typeof cooldown === 'number' && cooldown > 0 ? cooldown : 0;
}

/** Whether the caller is exempt from slow mode: the server and those who moderate the channel. */
function skipsSlowMode(caller: Caller, channel: ChannelRecord): boolean {
  return canModerateChannel(caller, channel);
}

/**
 * Reads `cooldown` from the request's top level (`enableSlowMode`) or from `data`/`set`,
 * checks it (a whole number of seconds, 0 to 120) and who sets it. A full update that
 * leaves `cooldown` out keeps it (a system field, not custom data).
 * @throws ApiError code 4 for a bad value, code 17 for callers who may not set it.
 */
function checkCooldownUpdate(update: ChannelUpdate): void {
  const { channel, caller, set, body } = update;
  if (body['cooldown'] !== undefined) {
    set['cooldown'] = body['cooldown'];
  }
  if (!('cooldown' in set)) {
    if (update.replace && cooldownOf(channel) > 0) {
      set['cooldown'] = cooldownOf(channel);
    }
    if (!update.unset.includes('cooldown') || cooldownOf(channel) === 0) {
      return;
    }
  } else {
    const cooldown = set['cooldown'];
    if (
      typeof cooldown !== 'number' ||
      !Number.isInteger(cooldown) ||
      cooldown < 0 ||
      cooldown > MAX_COOLDOWN_SECONDS
    ) {
      throw inputError(
        `cooldown must be a whole number of seconds between 0 and ${MAX_COOLDOWN_SECONDS}`,
      );
    }
    if (cooldown === cooldownOf(channel)) {
      return;
    }
  }
  if (!canModerateChannel(caller, channel)) {
    throw notAllowedError(
      `${callerUserId(caller) ?? 'caller'} is not allowed to perform action SetChannelCooldown in scope '${channel.type}'`,
    );
  }
}

/**
 * Refuses a message sent sooner than the cooldown after the sender's previous message in
 * the channel. @throws ApiError code 60, HTTP 403.
 */
function enforceCooldown(send: MessageToSend): void {
  const { channel, actor, caller } = send;
  const cooldown = cooldownOf(channel);
  if (cooldown === 0 || caller.kind === 'server' || skipsSlowMode(actor, channel)) {
    return;
  }
  let previous: string | undefined;
  for (let index = channel.messages.length - 1; index >= 0; index--) {
    const message = channel.messages[index];
    if (message.userId === actor.userId && message.type !== 'system') {
      previous = message.createdAt;
      break;
    }
  }
  if (previous !== undefined && Date.now() - Date.parse(previous) < cooldown * 1000) {
    throw new ApiError(
      COOLDOWN_ERROR_CODE,
      403,
      `user ${actor.userId} is not allowed to send messages on channel ${channel.cid} under cool down period(${cooldown}s)`,
    );
  }
}

/**
 * Slow mode: `cooldown` (set by `enableSlowMode(n)` / `disableSlowMode()`, or in `data` /
 * `set`) is enforced per sender. Moderators get `set-channel-cooldown` and `skip-slow-mode`;
 * others get `slow-mode` while a cooldown is set.
 */
export const slowModeFeature: EmulatorFeature = {
  name: 'slow-mode',
  prepareChannelUpdate: (_services, update) => {
    checkCooldownUpdate(update);
    return undefined;
  },
  beforeSendMessage: (_services, send) => enforceCooldown(send),
  capabilities: (_context, caller, channel) => {
    if (skipsSlowMode(caller, channel)) {
      return ['set-channel-cooldown', 'skip-slow-mode'];
    }
    return cooldownOf(channel) > 0 ? ['slow-mode'] : [];
  },
};
