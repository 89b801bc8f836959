import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure } from '../../trpc.ts';
import * as contract from './contract.ts';
import { readAnalytics, readCompletion } from './queries.ts';

const { insightsRoutes: routes } = contract;

/** What a member learns about their own profile: `profile.analytics`, `profile.completion`. */
export const insightsRouter = {
  analytics: authedProcedure
    .meta(routes.analytics)
    .output(contract.analyticsOutput)
    .query(async ({ ctx }) => {
      const counts = await readAnalytics(ctx, ctx.user.id);
      return {
        total_posts: counts.totalPosts,
        total_views: counts.totalViews,
        total_connections: counts.totalConnections,
      };
    }),

  completion: authedProcedure
    .meta(routes.completion)
    .output(contract.completionOutput)
    .query(async ({ ctx }) => {
      const result = await readCompletion(ctx, ctx.user.id);
      return {
        completion: result.completion,
        incomplete_items: result.incomplete,
        complete_items: result.complete,
      };
    }),
} satisfies TRPCRouterRecord;
