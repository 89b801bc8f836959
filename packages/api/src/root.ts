import { dashboardRouter } from './dashboard/router.ts';
import { router } from './trpc.ts';

/** Composition only: every domain's router, under its namespace. */
export const appRouter = router({
  dashboard: dashboardRouter,
});

export type AppRouter = typeof appRouter;
