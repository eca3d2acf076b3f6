import { EmulatorFeature } from './emulator-feature';
import { bansFeature } from './bans/bans-feature';
import { blocksFeature } from './blocks/blocks-feature';
import { commandsFeature } from './commands/commands-feature';
import { flagsFeature } from './flags/flags-feature';
import { userLifecycleFeature } from './user-lifecycle/user-lifecycle-feature';
import { userMutesFeature } from './user-mutes/user-mutes-feature';
import { channelMutesFeature } from './channel-mutes/channel-mutes-feature';
import { editsFeature } from './edits/edits-feature';
import { freezeFeature } from './freeze/freeze-feature';
import { hideShowFeature } from './hide-show/hide-show-feature';
import { invitesFeature } from './invites/invites-feature';
import { memberStateFeature } from './member-state/member-state-feature';
import { moderatorsFeature } from './moderators/moderators-feature';
import { pinsFeature } from './pins/pins-feature';
import { reactionsFeature } from './reactions/reactions-feature';
import { searchFeature } from './search/search-feature';
import { slowModeFeature } from './slow-mode/slow-mode-feature';
import { syncFeature } from './sync/sync-feature';
import { threadsFeature } from './threads/threads-feature';
import { truncateFeature } from './truncate/truncate-feature';
import { uploadsFeature } from './uploads/uploads-feature';

/** Every feature the emulator serves beyond the core, in registration order. */
export const allFeatures: readonly EmulatorFeature[] = [
  reactionsFeature,
  threadsFeature,
  editsFeature,
  pinsFeature,
  searchFeature,
  syncFeature,
  hideShowFeature,
  truncateFeature,
  channelMutesFeature,
  freezeFeature,
  slowModeFeature,
  memberStateFeature,
  invitesFeature,
  moderatorsFeature,
  uploadsFeature,
  userMutesFeature,
  bansFeature,
  flagsFeature,
  blocksFeature,
  userLifecycleFeature,
  commandsFeature,
];
