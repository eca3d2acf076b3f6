import { EmulatorFeature } from '../emulator-feature';
import { blockRoutes } from './block-routes';
import { blockedIdsOf, blocksSlice } from './blocks-slice';

/** User blocks: `/users/block`, `/users/unblock`, `me.blocked_user_ids`. */
export const blocksFeature: EmulatorFeature = {
  name: 'blocks',
  slices: [blocksSlice],
  routes: blockRoutes,
  ownUserFields: (context, userId) => ({
    blocked_user_ids: blockedIdsOf(context.store.slice(blocksSlice), userId).filter((id) =>
      context.store.users.get(id),
    ),
  }),
};
