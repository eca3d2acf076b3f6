import type { Channel } from 'stream-chat';
import { isArchived, isMuted, isPinned } from './channel-membership';

/** One thing the channel menu offers. */
export interface ChannelAction {
  /** A stable key, for tracking and tests. */
  id: string;
  /** What the menu item says. */
  label: string;
  /** For the slow-mode choices: whether it is the current one (a `menuitemradio`). */
  checked?: boolean;
  /** What it does. */
  run: (channel: Channel) => Promise<unknown>;
}

/** The slow-mode choices a moderator gets, in seconds (0 turns it off). */
export const SLOW_MODE_CHOICES: readonly number[] = [0, 10, 30, 60];

function capabilitiesOf(channel: Channel): string[] {
  const capabilities = channel.data?.own_capabilities;
  return Array.isArray(capabilities) ? capabilities : [];
}

function slowModeLabel(seconds: number): string {
  if (seconds === 0) return 'Slow mode off';
  return seconds < 60 ? `Slow mode: ${seconds} s` : `Slow mode: ${seconds / 60} min`;
}

/**
 * What the user may do with the channel, as the channel and their capabilities allow: mute
 * (`mute-channel`), pin and archive (members), and set slow mode (`set-channel-cooldown`).
 */
export function channelActions(channel: Channel): ChannelAction[] {
  const capabilities = capabilitiesOf(channel);
  const actions: ChannelAction[] = [];
  if (capabilities.includes('mute-channel')) {
    actions.push(
      isMuted(channel)
        ? { id: 'unmute', label: 'Unmute channel', run: (c) => c.unmute() }
        : { id: 'mute', label: 'Mute channel', run: (c) => c.mute() },
    );
  }
  if (channel.state?.membership?.user_id || channel.state?.membership?.user) {
    actions.push(
      isPinned(channel)
        ? { id: 'unpin', label: 'Unpin channel', run: (c) => c.unpin() }
        : { id: 'pin', label: 'Pin channel', run: (c) => c.pin() },
      isArchived(channel)
        ? { id: 'unarchive', label: 'Unarchive channel', run: (c) => c.unarchive() }
        : { id: 'archive', label: 'Archive channel', run: (c) => c.archive() },
    );
  }
  if (capabilities.includes('set-channel-cooldown')) {
    const current = Number(channel.data?.cooldown ?? 0);
    for (const seconds of SLOW_MODE_CHOICES) {
      actions.push({
        id: `slow-mode-${seconds}`,
        label: slowModeLabel(seconds),
        checked: current === seconds,
        run: (c) => (seconds === 0 ? c.disableSlowMode() : c.enableSlowMode(seconds)),
      });
    }
  }
  return actions;
}
