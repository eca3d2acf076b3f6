import { EmulatorFeature } from './emulator-feature';
import { reactionsFeature } from './reactions/reactions-feature';

/** Every feature the emulator serves beyond the core, in registration order. */
export const allFeatures: readonly EmulatorFeature[] = [reactionsFeature];
