import { router } from '../trpc.ts';
import { connectionsRouter } from './connections/router.ts';
import { followsRouter } from './follows/router.ts';

/** Follows and connections between members: `network.follow`, ... */
export const networkRouter = router({
  ...followsRouter,
  ...connectionsRouter,
});
