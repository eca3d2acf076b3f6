import { EmulatorFeature } from './emulator-feature';
import { editsFeature } from './edits/edits-feature';
import { pinsFeature } from './pins/pins-feature';
import { reactionsFeature } from './reactions/reactions-feature';
import { searchFeature } from './search/search-feature';
import { syncFeature } from './sync/sync-feature';

/** Every feature the emulator serves beyond the core, in registration order. */
export const allFeatures: readonly EmulatorFeature[] = [
  reactionsFeature,
  editsFeature,
  pinsFeature,
  searchFeature,
  syncFeature,
];
