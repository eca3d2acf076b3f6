import { RouteDefinition } from '../http/route-table';
import { ResponseExtension } from '../responses/response-extensions';
import { ServiceHooks } from '../services/service-hooks';
import { AnySliceDefinition } from '../store/slices';

/**
 * A feature of the emulator (reactions, uploads, pins...), kept in a folder of its own:
 * its state slices, its routes, what it adds to responses and its hooks into the core.
 * Registering it is one line in `all-features.ts`.
 *
 * @example
 * export const reactionsFeature: EmulatorFeature = {
 *   name: 'reactions',
 *   slices: [reactionsSlice],
 *   routes: reactionRoutes,
 *   messageFields: reactionFields,
 *   capabilities: () => ['send-reaction'],
 *   channelConfigFields: () => ({ reactions: true }),
 * };
 */
export interface EmulatorFeature extends ResponseExtension, ServiceHooks {
  /** Names the feature in docs and errors. */
  name: string;
  /** Its pieces of state, each created per store and persisted under its own key. */
  slices?: readonly AnySliceDefinition[];
  /** Its endpoints. They are matched before the core's. */
  routes?: readonly RouteDefinition[];
}
