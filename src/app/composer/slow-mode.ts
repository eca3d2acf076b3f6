import type { Channel } from 'stream-chat';

/**
 * The channel's slow mode: `channel.data.cooldown` seconds between two messages of a user, or 0
 * when it is off or the user is exempt (the `skip-slow-mode` capability: moderators).
 */
export function cooldownOf(channel: Channel | undefined): number {
  const cooldown = Number(channel?.data?.cooldown ?? 0);
  const capabilities = channel?.data?.own_capabilities;
  if (!Number.isFinite(cooldown) || cooldown <= 0) {
    return 0;
  }
  return Array.isArray(capabilities) && capabilities.includes('skip-slow-mode') ? 0 : cooldown;
}

/**
 * Whole seconds until the user may send again: `cooldown` seconds after `lastSentAt`, rounded up,
 * never more than the cooldown itself; 0 when there is no cooldown or it has passed.
 */
export function cooldownSecondsLeft(
  cooldown: number,
  lastSentAt: Date | undefined,
  now: number,
): number {
  if (cooldown <= 0 || !lastSentAt) {
    return 0;
  }
  const left = Math.ceil((lastSentAt.getTime() + cooldown * 1000 - now) / 1000);
  return Math.min(cooldown, Math.max(0, left));
}
