import { ChatServices } from '../../services/emulator-services';
import { doesNotExistError, inputError } from '../../protocol/api-error';
import { ownUserResponse, userResponse } from '../../responses/user-responses';
import { WireContext } from '../../responses/wire-context';
import { UserMute, activeMutesOf, putMute, userMutesSlice } from './mutes-slice';

/** Longest mute `timeout`, in minutes (one year). */
export const MAX_MUTE_MINUTES = 525_600;

/** A mute as Stream sends it (`Mute`: `{user, target, created_at, updated_at, expires?}`). */
export function muteResponse(context: WireContext, mute: UserMute): Record<string, unknown> {
  return {
    user: userResponse(context, mute.userId),
    target: userResponse(context, mute.targetId),
    created_at: mute.createdAt,
    updated_at: mute.updatedAt,
    ...(mute.expires ? { expires: mute.expires } : {}),
  };
}

/** The user's mutes in force, as `me.mutes` lists them. */
export function ownMutes(context: WireContext, userId: string): Record<string, unknown>[] {
  return activeMutesOf(context.store.slice(userMutesSlice), userId)
    .filter((mute) => context.store.users.get(mute.targetId))
    .map((mute) => muteResponse(context, mute));
}

/**
 * Mutes `targetIds` for `userId` (all or none): unknown targets are code 16, muting oneself
 * code 4. Sends `notification.mutes_updated` with the new `me` to the user's connections.
 * @param timeoutMinutes how long the mute lasts; permanent when omitted.
 * @returns the mutes made.
 */
export function muteUsers(
  services: ChatServices,
  userId: string,
  targetIds: string[],
  timeoutMinutes?: number,
): UserMute[] {
  if (targetIds.length === 0) {
    throw inputError('target_id or target_ids is required');
  }
  for (const targetId of targetIds) {
    if (targetId === userId) {
      throw inputError('you cannot mute yourself');
    }
    if (!services.store.users.get(targetId)) {
      throw doesNotExistError(`target user ${targetId} does not exist`);
    }
  }
  const state = services.store.slice(userMutesSlice);
  const now = services.store.clock.next();
  const expires =
    timeoutMinutes === undefined
      ? undefined
      : new Date(Date.parse(now) + timeoutMinutes * 60_000).toISOString();
  const made = targetIds.map((targetId): UserMute => {
    const previous = state.get(userId)?.get(targetId);
    const mute: UserMute = {
      userId,
      targetId,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      expires,
    };
    putMute(state, mute);
    return mute;
  });
  services.store.changed();
  announceMutes(services, userId);
  return made;
}

/**
 * Ends the user's mutes of `targetIds`; targets that were not muted are skipped.
 * @returns whether any mute ended.
 */
export function unmuteUsers(services: ChatServices, userId: string, targetIds: string[]): boolean {
  if (targetIds.length === 0) {
    throw inputError('target_id or target_ids is required');
  }
  const mutes = services.store.slice(userMutesSlice).get(userId);
  let removed = false;
  for (const targetId of targetIds) {
    removed = (mutes?.delete(targetId) ?? false) || removed;
  }
  if (removed) {
    services.store.changed();
    announceMutes(services, userId);
  }
  return removed;
}

/** `notification.mutes_updated` `{me}` to the user's connections: the client replaces `mutedUsers`. */
function announceMutes(services: ChatServices, userId: string): void {
  services.fanout.sendToUser(userId, {
    type: 'notification.mutes_updated',
    me: ownUserResponse(services, userId),
    created_at: services.store.clock.next(),
  });
}
