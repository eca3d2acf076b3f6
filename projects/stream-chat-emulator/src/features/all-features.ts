import { EmulatorFeature } from './emulator-feature';
import { invitesFeature } from './invites/invites-feature';
import { memberStateFeature } from './member-state/member-state-feature';
import { moderatorsFeature } from './moderators/moderators-feature';

/** Every feature the emulator serves beyond the core, in registration order. */
export const allFeatures: readonly EmulatorFeature[] = [
  memberStateFeature,
  invitesFeature,
  moderatorsFeature,
];
