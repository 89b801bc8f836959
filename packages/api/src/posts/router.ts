import type { TRPCRouterRecord } from '@trpc/server';
import { publishActivity } from '../dashboard/activity.ts';
import { DomainError } from '../errors.ts';
import { authedProcedure } from '../trpc.ts';
import * as contract from './contract.ts';
import { createPost } from './create.ts';
import { feedPage, followingPage, ownPage, savedPostIds } from './lists.ts';
import { postListPage } from './pages.ts';
import { interactionsRouter } from './interactions/router.ts';
import { createdToWire, loadPostItems } from './wire.ts';

const { postRoutes: routes, listPaths } = contract;

/** Posts and the lists they appear in: `posts.create`, `posts.feed`, ... */
export const postsRouter = {
  create: authedProcedure
    .meta(routes.create)
    .input(contract.createPostInput)
    .output(contract.createPostOutput)
    .mutation(async ({ ctx, input }) => {
      const post = await createPost(ctx, ctx.user, input);

      ctx.log.info({ postId: post.id }, 'post created');
      await publishActivity(ctx, 'post.created', ctx.user.id, { type: 'post', id: post.id });
      return createdToWire(ctx, post);
    }),

  feed: authedProcedure
    .meta(routes.feed)
    .input(contract.feedInput)
    .output(contract.feedOutput)
    .query(async ({ ctx, input }) => {
      if (input?.post_id === undefined) {
        return postListPage(ctx, ctx.user.id, listPaths.feed, input, (page) =>
          feedPage(ctx, ctx.user, page),
        );
      }

      const [post] = await loadPostItems(ctx, [input.post_id], ctx.user.id);
      if (!post) throw new DomainError('not_found', 'No post has this id.');
      return post;
    }),

  mine: authedProcedure
    .meta(routes.mine)
    .input(contract.postListInput)
    .output(contract.postPage)
    .query(({ ctx, input }) =>
      postListPage(ctx, ctx.user.id, listPaths.mine, input, (page) =>
        ownPage(ctx, ctx.user.id, page),
      ),
    ),

  following: authedProcedure
    .meta(routes.following)
    .input(contract.postListInput)
    .output(contract.postPage)
    .query(({ ctx, input }) =>
      postListPage(ctx, ctx.user.id, listPaths.following, input, (page) =>
        followingPage(ctx, ctx.user.id, page),
      ),
    ),

  saved: authedProcedure
    .meta(routes.saved)
    .output(contract.savedPostsOutput)
    .query(async ({ ctx }) => {
      const ids = await savedPostIds(ctx, ctx.user.id);
      const items = await loadPostItems(ctx, ids, ctx.user.id);
      return items.map((post) => ({ post }));
    }),

  ...interactionsRouter,
} satisfies TRPCRouterRecord;
