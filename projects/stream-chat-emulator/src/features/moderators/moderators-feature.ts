import { WireFields } from '../../responses/response-extensions';
import { WireContext } from '../../responses/wire-context';
import { ChannelRecord, MemberRecord } from '../../store/model';
import { EmulatorFeature } from '../emulator-feature';
import { MODERATOR_ROLE } from './channel-roles';
import { prepareRoleUpdate } from './role-updates';

/** `is_moderator` of a member (the core sends `channel_role` and the deprecated `role`). */
function moderatorFields(
  _context: WireContext,
  _channel: ChannelRecord,
  member: MemberRecord,
): WireFields {
  return { is_moderator: member.channelRole === MODERATOR_ROLE };
}

/**
 * Channel moderators and roles: `add_moderators`, `demote_moderators` and `assign_roles` on
 * `POST /channels/{type}/{id}`, `member.updated` per changed member, `is_moderator` on members.
 */
export const moderatorsFeature: EmulatorFeature = {
  name: 'moderators',
  memberFields: moderatorFields,
  prepareChannelUpdate: prepareRoleUpdate,
};
