import { authRouter } from './auth/router.ts';
import { dashboardRouter } from './dashboard/router.ts';
import { networkRouter } from './network/router.ts';
import { postsRouter } from './posts/router.ts';
import { profileRouter } from './profile/router.ts';
import { router } from './trpc.ts';

/** Composition only: every domain's router, under its namespace. */
export const appRouter = router({
  auth: authRouter,
  profile: profileRouter,
  posts: postsRouter,
  network: networkRouter,
  dashboard: dashboardRouter,
});

export type AppRouter = typeof appRouter;
