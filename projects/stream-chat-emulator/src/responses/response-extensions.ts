import type { Caller } from '../auth/caller';
import type { ChannelRecord, MemberRecord, MessageRecord, UserRecord } from '../store/model';
import type { WireContext } from './wire-context';

/** Wire fields a feature adds to an object. Returned fields override the core's. */
export type WireFields = Record<string, unknown>;

/**
 * What a feature adds to the objects the emulator sends. Every hook is optional; the
 * response builders call the hooks of every registered feature, in registration order.
 */
export interface ResponseExtension {
  /**
   * Fields of a `MessageResponse` (reaction aggregates, pins...).
   * @param viewerId the user the response is for; `undefined` in events serialised once for
   * every recipient, which must carry recipient-agnostic values (e.g. `own_reactions: []`).
   */
  messageFields?(
    context: WireContext,
    message: MessageRecord,
    viewerId: string | undefined,
  ): WireFields;
  /** Fields of a `ChannelResponse` (`cooldown`, `hidden`...). */
  channelFields?(
    context: WireContext,
    channel: ChannelRecord,
    caller: Caller | undefined,
  ): WireFields;
  /** Fields of a full channel state (`pinned_messages`...). */
  channelStateFields?(context: WireContext, channel: ChannelRecord, caller: Caller): WireFields;
  /** Fields of a `ChannelMemberResponse` (`pinned_at`, `archived_at`...). */
  memberFields?(context: WireContext, channel: ChannelRecord, member: MemberRecord): WireFields;
  /** Switches of a channel type's `config` (`reactions: true`...), in channels and in `/app`. */
  channelConfigFields?(): WireFields;
  /** Capabilities the caller gains on the channel through this feature. */
  capabilities?(context: WireContext, caller: Caller, channel: ChannelRecord): string[];
  /** Fields of the connected user's `me` (`mutes`, `channel_mutes`...). */
  ownUserFields?(context: WireContext, userId: string): WireFields;
  /** Fields of `GET /app`'s `app` (`file_upload_config`...). */
  appFields?(context: WireContext): WireFields;
  /**
   * Capabilities the caller loses on the channel through this feature's state (a frozen
   * channel withdraws `send-message`...); applied after every feature added its own.
   */
  withdrawnCapabilities?(context: WireContext, caller: Caller, channel: ChannelRecord): string[];
  /** Fields of a stored user's `UserResponse` (`deactivated_at`, `banned`...), everywhere users are sent. */
  userFields?(context: WireContext, user: UserRecord): WireFields;
  /** Fields of `GET /unread` for the user (`threads`, `total_unread_threads_count`...). */
  unreadCountFields?(context: WireContext, userId: string): WireFields;
}

/** Merges the fields every extension adds through one hook. */
export function extensionFields<Args extends unknown[]>(
  extensions: readonly ResponseExtension[],
  pick: (extension: ResponseExtension) => ((...args: Args) => WireFields) | undefined,
  ...args: Args
): WireFields {
  let fields: WireFields | undefined;
  for (const extension of extensions) {
    const hook = pick(extension);
    if (hook) {
      fields = Object.assign(fields ?? {}, hook.apply(extension, args));
    }
  }
  return fields ?? {};
}
