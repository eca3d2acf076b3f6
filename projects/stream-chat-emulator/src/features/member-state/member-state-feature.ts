import { WireContext } from '../../responses/wire-context';
import { WireFields } from '../../responses/response-extensions';
import { ChatServices } from '../../services/emulator-services';
import { Caller, callerUserId } from '../../auth/caller';
import { ChannelRecord, MemberRecord } from '../../store/model';
import { EmulatorFeature } from '../emulator-feature';
import { memberStateSlice } from './member-state-slice';
import { memberUpdateRoutes } from './member-update-routes';

/** A member's custom fields, then `pinned_at` and `archived_at` (`null` when not set). */
function memberStateFields(
  context: WireContext,
  channel: ChannelRecord,
  member: MemberRecord,
): WireFields {
  const state = context.store.slice(memberStateSlice).get(channel.cid, member.userId);
  return {
    ...state?.data,
    pinned_at: state?.pinnedAt ?? null,
    archived_at: state?.archivedAt ?? null,
  };
}

/**
 * The querying user's `pinned`, `archived` (booleans) and `pinned_at` (a time, missing when
 * not pinned, so unpinned channels sort last in either direction).
 */
function memberStateQueryFields(
  services: ChatServices,
  caller: Caller,
  channel: ChannelRecord,
): Record<string, unknown> {
  const callerId = callerUserId(caller);
  const state =
    callerId === undefined
      ? undefined
      : services.store.slice(memberStateSlice).get(channel.cid, callerId);
  return {
    pinned: state?.pinnedAt !== undefined,
    archived: state?.archivedAt !== undefined,
    pinned_at: state?.pinnedAt,
  };
}

/**
 * Per-member channel state: pin, archive and custom member fields
 * (`PATCH /channels/{type}/{id}/member[/{user_id}]`), `member.updated`, and the `pinned`,
 * `archived` filters and `pinned_at` sort of `queryChannels`.
 */
export const memberStateFeature: EmulatorFeature = {
  name: 'member-state',
  slices: [memberStateSlice],
  routes: memberUpdateRoutes,
  memberFields: memberStateFields,
  channelQueryFields: memberStateQueryFields,
};
