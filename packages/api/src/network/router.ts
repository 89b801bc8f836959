import { router } from '../trpc.ts';
import { followsRouter } from './follows/router.ts';

/** Follows and connections between members: `network.follow`, ... */
export const networkRouter = router({
  ...followsRouter,
});
