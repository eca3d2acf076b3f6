import { EmulatorFeature } from './emulator-feature';
import { uploadsFeature } from './uploads/uploads-feature';

/** Every feature the emulator serves beyond the core, in registration order. */
export const allFeatures: readonly EmulatorFeature[] = [uploadsFeature];
