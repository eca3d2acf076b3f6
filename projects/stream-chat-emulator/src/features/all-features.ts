import { EmulatorFeature } from './emulator-feature';
import { threadsFeature } from './threads/threads-feature';

/** Every feature the emulator serves beyond the core, in registration order. */
export const allFeatures: readonly EmulatorFeature[] = [threadsFeature];
