import { EmulatorFeature } from '../emulator-feature';
import { lifecycleSlice } from './lifecycle-slice';
import { userLifecycleRoutes } from './user-lifecycle-routes';
import { requireActiveUser, statusOf } from './user-lifecycle';

/**
 * Deactivating, reactivating and deleting users (server-side): `deactivated_at` and
 * `deleted_at` in user responses; such users cannot connect or send.
 */
export const userLifecycleFeature: EmulatorFeature = {
  name: 'user-lifecycle',
  slices: [lifecycleSlice],
  routes: userLifecycleRoutes,
  beforeConnect: (services, userId) => requireActiveUser(services.store, userId),
  beforeSendMessage: (services, { actor }) => requireActiveUser(services.store, actor.userId),
  userFields: (context, user) => {
    const status = statusOf(context.store, user.id);
    return {
      ...(status?.deactivatedAt ? { deactivated_at: status.deactivatedAt } : {}),
      ...(status?.deletedAt ? { deleted_at: status.deletedAt } : {}),
    };
  },
};
