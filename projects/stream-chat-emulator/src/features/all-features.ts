import { EmulatorFeature } from './emulator-feature';
import { channelMutesFeature } from './channel-mutes/channel-mutes-feature';
import { freezeFeature } from './freeze/freeze-feature';
import { hideShowFeature } from './hide-show/hide-show-feature';
import { slowModeFeature } from './slow-mode/slow-mode-feature';
import { truncateFeature } from './truncate/truncate-feature';

/** Every feature the emulator serves beyond the core, in registration order. */
export const allFeatures: readonly EmulatorFeature[] = [
  hideShowFeature,
  truncateFeature,
  channelMutesFeature,
  freezeFeature,
  slowModeFeature,
];
