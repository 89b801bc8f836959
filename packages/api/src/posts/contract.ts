import { z } from 'zod';
import { idField, requiredText, text } from '../fields.ts';
import { route } from '../meta.ts';
import { pageInput, paginated } from '../pagination.ts';
import { imageRule, videoRule } from '../profile/details/contract.ts';
import { fileField } from '../uploads.ts';
import { postContent, postItem } from './wire.ts';

/** Post lists show 3 posts a page unless `page_size` asks otherwise. */
export const POST_PAGE_SIZE = 3;

export const BODY_MAX = 5_000;

// Create

export const createPostInput = z.object({
  body: requiredText(BODY_MAX),
  article: text(BODY_MAX).optional(),
  pic1: fileField(imageRule).optional(),
  pic2: fileField(imageRule).optional(),
  pic3: fileField(imageRule).optional(),
  video: fileField(videoRule).optional(),
});

export const createPostOutput = postContent;

// Lists

export const postListInput = z.object(pageInput).optional();

export const postPage = paginated(postItem);

/** The feed, or with `post_id` that one post. */
export const feedInput = z.object({ post_id: idField.optional(), ...pageInput }).optional();

export const feedOutput = z.union([postPage, postItem]);

export const savedPostsOutput = z.array(z.object({ post: postItem }));

export type CreatePostInput = z.output<typeof createPostInput>;

const tag = 'posts';

/** The documented paths of the lists, which their page links repeat. */
export const listPaths = {
  feed: '/post/',
  mine: '/post/posted/',
  following: '/post/following/',
  saved: '/post/save/',
} as const;

export const postRoutes = {
  create: route('POST', '/post/', {
    tag,
    status: 201,
    multipart: true,
    summary: 'Publish a post; pictures and video as multipart/form-data parts',
  }),
  feed: route('GET', listPaths.feed, {
    tag,
    summary: "Posts of my industry and mentors' posts, newest first; or one post by post_id",
  }),
  mine: route('GET', listPaths.mine, { tag, summary: 'My own posts, newest first' }),
  following: route('GET', listPaths.following, {
    tag,
    summary: 'Posts of the members I follow, newest first',
  }),
  saved: route('GET', listPaths.saved, { tag, summary: 'The posts I saved, newest save first' }),
};
