import type { TRPCRouterRecord } from '@trpc/server';
import { pageOf, toPage } from '../../pagination.ts';
import { authedProcedure } from '../../trpc.ts';
import * as contract from './contract.ts';
import {
  countFollowers,
  countFollowings,
  follow,
  listFollowers,
  listFollowings,
  unfollow,
} from './follows.ts';
import { recommendationPage } from './recommendations.ts';
import { memberToWire } from './wire.ts';
import { recommendationToWire } from '../recommended-member.ts';

const { followRoutes: routes, RECOMMENDATION_PAGE_SIZE: pageSize } = contract;

/** One-way follows: `network.follow`, `network.followers`, ... */
export const followsRouter = {
  follow: authedProcedure
    .meta(routes.follow)
    .input(contract.followInput)
    .output(contract.followOutput)
    .mutation(async ({ ctx, input }) => {
      const made = await follow(ctx, ctx.user.id, input.user_following);

      ctx.log.info({ followingId: made.followingId }, 'member followed');
      return { follower: made.followerId, following: made.followingId };
    }),

  unfollow: authedProcedure
    .meta(routes.unfollow)
    .input(contract.unfollowInput)
    .output(contract.unfollowOutput)
    .mutation(async ({ ctx, input }) => {
      await unfollow(ctx, ctx.user.id, input.user_following);
      return { status: 'Unfollowed user' as const };
    }),

  followings: authedProcedure
    .meta(routes.followings)
    .output(contract.memberListOutput)
    .query(async ({ ctx }) =>
      (await listFollowings(ctx, ctx.user.id)).map((row) => memberToWire(ctx, row)),
    ),

  followers: authedProcedure
    .meta(routes.followers)
    .output(contract.memberListOutput)
    .query(async ({ ctx }) =>
      (await listFollowers(ctx, ctx.user.id)).map((row) => memberToWire(ctx, row)),
    ),

  followingCount: authedProcedure
    .meta(routes.followingCount)
    .output(contract.followingCountOutput)
    .query(async ({ ctx }) => ({ following_count: await countFollowings(ctx, ctx.user.id) })),

  followerCount: authedProcedure
    .meta(routes.followerCount)
    .output(contract.followerCountOutput)
    .query(async ({ ctx }) => ({ 'followers count': await countFollowers(ctx, ctx.user.id) })),

  followRecommendations: authedProcedure
    .meta(routes.recommendations)
    .input(contract.recommendationsInput)
    .output(contract.recommendationsOutput)
    .query(async ({ ctx, input }) => {
      const page = pageOf(input ?? { page: 1 }, pageSize);

      const { rows, count } = await recommendationPage(ctx, ctx.user, page);

      const items = rows.map((row) => recommendationToWire(ctx, row));
      const base = { publicUrl: ctx.settings.publicUrl, path: contract.recommendationsPath };
      return toPage(items, count, page, base, pageSize);
    }),
} satisfies TRPCRouterRecord;
