import { z } from 'zod';
import { idField, requiredText, text } from '../../fields.ts';
import { route } from '../../meta.ts';
import { imageRule } from '../../profile/details/contract.ts';
import { fileField } from '../../uploads.ts';
import { postAuthor, postItem } from '../wire.ts';

/** An absolute URL, or "N/A" when there is no file. */
const mediaUrl = z.string();
const timestamp = z.iso.datetime();

/** What a comment, a reply or a repost shows of the member who wrote it: a post's author. */
export const memberSummary = postAuthor;

// Comments

export const createCommentInput = z.object({
  post: idField,
  body: requiredText(5000),
  media: fileField(imageRule).optional(),
});

export const createCommentOutput = z.object({
  user: memberSummary,
  body: z.string(),
  media: mediaUrl,
  time_stamp: timestamp,
  comment_id: z.number().int(),
  post: z.number().int(),
});

export const listCommentsInput = z.object({ post_id: idField });

/** The document calls the photo `profile_picture` here, and only here. */
const commenter = z.object({
  first_name: z.string(),
  last_name: z.string(),
  middle_name: z.string(),
  profile_picture: mediaUrl,
});

const commentFields = {
  post: z.number().int(),
  commenter,
  body: z.string(),
  media: mediaUrl,
  parent: z.number().int().nullable(),
};

const commentTail = {
  likes: z.number().int(),
  time_stamp: timestamp,
  can_like: z.boolean(),
  comment_id: z.number().int(),
};

/** Replies hang off their thread's top-level comment, so theirs is always empty. */
export const replyItem = z.object({
  ...commentFields,
  replies: z.array(z.never()),
  ...commentTail,
});

export const commentItem = z.object({
  ...commentFields,
  replies: z.array(replyItem),
  ...commentTail,
});

export const listCommentsOutput = z.array(commentItem);

export const replyInput = z.object({
  parent: idField,
  body: requiredText(5000),
});

export const replyOutput = z.object({
  user: memberSummary,
  body: z.string(),
  comment_id: z.number().int(),
  parent: z.number().int(),
  post: z.number().int(),
  time_stamp: timestamp,
});

// Likes

export const likePostInput = z.object({ post: idField });
export const likePostOutput = z.object({ post: z.number().int() });
export const unlikePostInput = likePostInput;
export const unlikePostOutput = z.object({ status: z.literal('Unliked post') });

export const likeCommentInput = z.object({ comment: idField });
export const likeCommentOutput = z.object({
  comment_id: z.number().int(),
  user_id: z.number().int(),
  status: z.literal('Liked Comment'),
});
export const unlikeCommentInput = likeCommentInput;
export const unlikeCommentOutput = z.object({ status: z.literal('Unliked Comment') });

// Reposts

export const repostInput = z.object({
  parent: idField,
  body: text(5000).default(''),
});

export const repostOutput = z.object({
  profile: memberSummary,
  body: z.string(),
  media: mediaUrl,
  article: z.string(),
  time_stamp: timestamp,
  post_id: z.number().int(),
  parent: z.number().int(),
});

// Saves and shares

/**
 * The document names the post `post` in these payloads and answers with
 * `post_id`; clients that send back what they read send `post_id`, so
 * either is taken.
 */
const postReference = z
  .object({ post: idField.optional(), post_id: idField.optional() })
  .refine((input) => input.post !== undefined || input.post_id !== undefined, {
    message: 'Name the post.',
    path: ['post'],
  });

export const savePostInput = postReference;
export const savePostOutput = z.object({ post_id: z.number().int() });

export const unsavePostInput = z.object({ post_id: idField });
export const unsavePostOutput = z.void();

export const sharePostInput = postReference;
export const sharePostOutput = z.object({
  post_id: z.number().int(),
  /** Opens the post without signing in. */
  link: z.url(),
});

export const sharedPostInput = z.object({ post_id: idField });

/** The documented single-post shape: no viewer, so no viewer flags. */
export const sharedPostOutput = postItem.omit({
  can_like: true,
  can_follow: true,
  is_self: true,
  is_saved: true,
});

export type MemberSummary = z.infer<typeof memberSummary>;
export type CommentItem = z.infer<typeof commentItem>;
export type ReplyItem = z.infer<typeof replyItem>;
export type SharedPost = z.infer<typeof sharedPostOutput>;

const tag = 'posts';

export const interactionRoutes = {
  comment: route('POST', '/post/comment/', {
    status: 201,
    tag,
    multipart: true,
    summary: 'Comment on a post, with an optional image as a multipart/form-data part',
  }),
  comments: route('GET', '/post/comment/', {
    tag,
    summary: "A post's top-level comments, oldest first, each with its replies",
  }),
  reply: route('POST', '/post/reply/', {
    status: 201,
    tag,
    summary: "Reply to a comment; a reply to a reply joins its thread's top-level comment",
  }),
  like: route('POST', '/post/like/', { status: 201, tag, summary: 'Like a post, once' }),
  unlike: route('POST', '/post/unlike/', { tag, summary: 'Take back my like of a post' }),
  likeComment: route('POST', '/post/like/comment/', {
    tag,
    summary: 'Like a comment or reply, once',
  }),
  unlikeComment: route('POST', '/post/unlike/comment/', {
    tag,
    summary: 'Take back my like of a comment or reply',
  }),
  repost: route('POST', '/post/repost/', {
    status: 201,
    tag,
    summary: 'Repost a post, with optional text; a repost of a repost points at the original',
  }),
  save: route('POST', '/post/save/', {
    status: 201,
    tag,
    summary: 'Save a post for later; saving it again changes nothing',
  }),
  unsave: route('DELETE', '/post/save/', { status: 204, tag, summary: 'Forget a saved post' }),
  share: route('POST', '/post/share/', {
    status: 201,
    tag,
    summary: 'Share a post: counts the share and answers a link that opens it without signing in',
  }),
  shared: route('GET', '/post/shared/', {
    tag,
    protect: false,
    summary: 'A shared post, as anyone with the link sees it',
  }),
};
