import { EmulatorFeature } from '../emulator-feature';
import { syncRoutes } from './sync-route';

/** `POST /sync` (`client.sync`): checked, then refused (the emulator keeps no event history). */
export const syncFeature: EmulatorFeature = {
  name: 'sync',
  routes: syncRoutes,
};
