import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure, publicProcedure } from '../../trpc.ts';
import { addComment, addReply, listThreads } from './comments.ts';
import * as contract from './contract.ts';
import { likeComment, likePost, unlikeComment, unlikePost } from './likes.ts';
import { repost } from './reposts.ts';
import { savePost, unsavePost } from './saves.ts';
import { readSharedPost, sharePost } from './shares.ts';
import {
  commentToWire,
  replyToWire,
  repostToWire,
  sharedPostToWire,
  threadToWire,
} from './wire.ts';

const { interactionRoutes: routes } = contract;

/** The post a save or share payload names, under either documented key. */
const postOf = (input: { post?: number | undefined; post_id?: number | undefined }) =>
  (input.post ?? input.post_id)!;

const comments = {
  comment: authedProcedure
    .meta(routes.comment)
    .input(contract.createCommentInput)
    .output(contract.createCommentOutput)
    .mutation(async ({ ctx, input }) => {
      const { comment, author } = await addComment(ctx, ctx.user.id, input);
      return commentToWire(ctx, comment, author);
    }),

  comments: authedProcedure
    .meta(routes.comments)
    .input(contract.listCommentsInput)
    .output(contract.listCommentsOutput)
    .query(async ({ ctx, input }) =>
      (await listThreads(ctx, input.post_id, ctx.user.id)).map((thread) =>
        threadToWire(ctx, thread),
      ),
    ),

  reply: authedProcedure
    .meta(routes.reply)
    .input(contract.replyInput)
    .output(contract.replyOutput)
    .mutation(async ({ ctx, input }) => {
      const { comment, author } = await addReply(ctx, ctx.user.id, input);
      return replyToWire(ctx, comment, author);
    }),
} satisfies TRPCRouterRecord;

const likes = {
  like: authedProcedure
    .meta(routes.like)
    .input(contract.likePostInput)
    .output(contract.likePostOutput)
    .mutation(async ({ ctx, input }) => {
      await likePost(ctx, ctx.user.id, input.post);
      return { post: input.post };
    }),

  unlike: authedProcedure
    .meta(routes.unlike)
    .input(contract.unlikePostInput)
    .output(contract.unlikePostOutput)
    .mutation(async ({ ctx, input }) => {
      await unlikePost(ctx, ctx.user.id, input.post);
      return { status: 'Unliked post' as const };
    }),

  likeComment: authedProcedure
    .meta(routes.likeComment)
    .input(contract.likeCommentInput)
    .output(contract.likeCommentOutput)
    .mutation(async ({ ctx, input }) => {
      await likeComment(ctx, ctx.user.id, input.comment);
      return { comment_id: input.comment, user_id: ctx.user.id, status: 'Liked Comment' as const };
    }),

  unlikeComment: authedProcedure
    .meta(routes.unlikeComment)
    .input(contract.unlikeCommentInput)
    .output(contract.unlikeCommentOutput)
    .mutation(async ({ ctx, input }) => {
      await unlikeComment(ctx, ctx.user.id, input.comment);
      return { status: 'Unliked Comment' as const };
    }),
} satisfies TRPCRouterRecord;

const sharing = {
  repost: authedProcedure
    .meta(routes.repost)
    .input(contract.repostInput)
    .output(contract.repostOutput)
    .mutation(async ({ ctx, input }) => {
      const { post, author } = await repost(ctx, ctx.user.id, input);
      return repostToWire(ctx, post, author);
    }),

  save: authedProcedure
    .meta(routes.save)
    .input(contract.savePostInput)
    .output(contract.savePostOutput)
    .mutation(async ({ ctx, input }) => {
      await savePost(ctx, ctx.user.id, postOf(input));
      return { post_id: postOf(input) };
    }),

  unsave: authedProcedure
    .meta(routes.unsave)
    .input(contract.unsavePostInput)
    .output(contract.unsavePostOutput)
    .mutation(({ ctx, input }) => unsavePost(ctx, ctx.user.id, input.post_id)),

  share: authedProcedure
    .meta(routes.share)
    .input(contract.sharePostInput)
    .output(contract.sharePostOutput)
    .mutation(async ({ ctx, input }) => {
      const link = await sharePost(ctx, ctx.user.id, postOf(input));
      return { post_id: postOf(input), link };
    }),

  // Public: the link a share answers with opens the post for anyone.
  shared: publicProcedure
    .meta(routes.shared)
    .input(contract.sharedPostInput)
    .output(contract.sharedPostOutput)
    .query(async ({ ctx, input }) =>
      sharedPostToWire(ctx, await readSharedPost(ctx, input.post_id)),
    ),
} satisfies TRPCRouterRecord;

/**
 * What members do with posts: comments and replies, likes, reposts, saves
 * and shares. Spread into `postsRouter`, so `posts.like`, `posts.comment`...
 */
export const interactionsRouter = { ...comments, ...likes, ...sharing } satisfies TRPCRouterRecord;
