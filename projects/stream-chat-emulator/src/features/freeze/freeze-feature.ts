import { unstoredMessageResponse } from '../../responses/unstored-message';
import { canModerateChannel } from '../../auth/channel-permissions';
import { callerUserId } from '../../auth/caller';
import { inputError, notAllowedError } from '../../protocol/api-error';
import { ChannelUpdate } from '../../services/service-hooks';
import { ChannelRecord } from '../../store/model';
import { EmulatorFeature } from '../emulator-feature';

/** The text of the `type: "error"` message answered to a message sent to a frozen channel. */
export const FROZEN_CHANNEL_TEXT = 'This channel is frozen';

/** What a frozen channel withdraws from `own_capabilities`. */
export const FROZEN_WITHDRAWN_CAPABILITIES: readonly string[] = [
  'send-message',
  'send-reply',
  'send-reaction',
  'upload-file',
  'send-typing-events',
  'send-poll',
];

/** Whether the channel is frozen (its system field `frozen` is `true`). */
export function isFrozen(channel: ChannelRecord): boolean {
  return channel.data['frozen'] === true;
}

/**
 * Checks a change of `frozen`: a boolean, set only by those who moderate the channel.
 * A full update that leaves `frozen` out keeps it (it is a system field, not custom data).
 * @throws ApiError code 4 for a non-boolean, code 17 for callers who may not freeze.
 */
function checkFrozenUpdate(update: ChannelUpdate): void {
  const { channel, caller, set } = update;
  if (!('frozen' in set)) {
    if (update.replace && isFrozen(channel)) {
      set['frozen'] = true;
    }
    if (!update.unset.includes('frozen') || !isFrozen(channel)) {
      return;
    }
  } else if (typeof set['frozen'] !== 'boolean') {
    throw inputError('frozen must be a boolean');
  } else if (set['frozen'] === isFrozen(channel)) {
    return;
  }
  if (!canModerateChannel(caller, channel)) {
    throw notAllowedError(
      `${callerUserId(caller) ?? 'caller'} is not allowed to perform action FreezeChannel in scope '${channel.type}'`,
    );
  }
}

/**
 * Freezing channels: `frozen` (set by `channel.update` / `updatePartial`) is enforced.
 * Messages to a frozen channel are answered with a message of `type: "error"`, neither
 * stored nor broadcast; server-side calls are exempt. Capabilities to send are withdrawn.
 */
export const freezeFeature: EmulatorFeature = {
  name: 'freeze',
  prepareChannelUpdate: (_services, update) => {
    checkFrozenUpdate(update);
    return undefined;
  },
  interceptMessage: (services, send) =>
    isFrozen(send.channel) && send.caller.kind !== 'server'
      ? unstoredMessageResponse(services, send.channel, send.message, {
          type: 'error',
          text: FROZEN_CHANNEL_TEXT,
        })
      : undefined,
  capabilities: (_context, caller, channel) =>
    canModerateChannel(caller, channel) ? ['freeze-channel'] : [],
  withdrawnCapabilities: (_context, _caller, channel) =>
    isFrozen(channel) ? [...FROZEN_WITHDRAWN_CAPABILITIES] : [],
};
