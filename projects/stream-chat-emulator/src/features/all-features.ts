import { EmulatorFeature } from './emulator-feature';
import { bansFeature } from './bans/bans-feature';
import { blocksFeature } from './blocks/blocks-feature';
import { commandsFeature } from './commands/commands-feature';
import { flagsFeature } from './flags/flags-feature';
import { userLifecycleFeature } from './user-lifecycle/user-lifecycle-feature';
import { userMutesFeature } from './user-mutes/user-mutes-feature';

/** Every feature the emulator serves beyond the core, in registration order. */
export const allFeatures: readonly EmulatorFeature[] = [
  userMutesFeature,
  bansFeature,
  flagsFeature,
  blocksFeature,
  userLifecycleFeature,
  commandsFeature,
];
