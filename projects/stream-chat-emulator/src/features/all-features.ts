import { EmulatorFeature } from './emulator-feature';

/** Every feature the emulator serves beyond the core, in registration order. */
export const allFeatures: readonly EmulatorFeature[] = [];
