import { EmulatorFeature } from './emulator-feature';
import { editsFeature } from './edits/edits-feature';
import { pinsFeature } from './pins/pins-feature';

/** Every feature the emulator serves beyond the core, in registration order. */
export const allFeatures: readonly EmulatorFeature[] = [editsFeature, pinsFeature];
