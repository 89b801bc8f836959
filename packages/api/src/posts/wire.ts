import { z } from 'zod';
import type { Services } from '../context.ts';
import { ABSENT, fileUrl, profilePhotoUrl } from '../profile/details/media.ts';
import { readPosts, type Author, type Post, type PostRecord } from './read.ts';

// The one place a post becomes its documented shapes. Keys are written in
// the document's order, which JSON replies keep.

type Urls = Pick<Services, 'storage' | 'settings'>;

/** An absolute URL, or "N/A" when there is no file. */
const mediaUrl = z.string();

export const postAuthor = z.object({
  id: z.number().int(),
  first_name: z.string(),
  last_name: z.string(),
  middle_name: z.string(),
  profile_photo: z.string(),
  qualification: z.string(),
});

const content = {
  body: z.string(),
  pic1: mediaUrl,
  pic2: mediaUrl,
  pic3: mediaUrl,
  video: mediaUrl,
  article: z.string(),
  time_stamp: z.string(),
};

/** A post as its author wrote it: what `POST /post/` answers, plus `post_id`. */
export const postContent = z.object({ ...content, post_id: z.number().int() });

/** The original of a repost: its author and content, without counts or flags. */
export const parentItem = z.object({ profile: postAuthor, ...content });

/** A post as one viewer sees it in every list and in `GET /post/?post_id=`. */
export const postItem = z.object({
  profile: postAuthor,
  ...content,
  comment_count: z.number().int(),
  like_count: z.number().int(),
  share_count: z.number().int(),
  parent: parentItem.nullable(),
  can_like: z.boolean(),
  can_follow: z.boolean(),
  is_self: z.boolean(),
  is_saved: z.boolean(),
  post_id: z.number().int(),
});

export type PostItem = z.infer<typeof postItem>;
export type PostContent = z.infer<typeof postContent>;

function authorToWire(urls: Urls, author: Author) {
  return {
    id: author.userId,
    first_name: author.firstName,
    last_name: author.lastName,
    middle_name: author.middleName,
    profile_photo: profilePhotoUrl(urls, author.profilePhoto),
    qualification: author.qualification,
  };
}

function contentToWire(urls: Urls, post: Post) {
  const media = (key: string | null) => fileUrl(urls, key);
  return {
    body: post.body,
    pic1: media(post.pic1),
    pic2: media(post.pic2),
    pic3: media(post.pic3),
    video: media(post.video),
    article: post.article || ABSENT,
    time_stamp: post.createdAt.toISOString(),
  };
}

/** The shape `POST /post/` answers with. */
export function createdToWire(urls: Urls, post: Post): PostContent {
  return { ...contentToWire(urls, post), post_id: post.id };
}

/** A post record as `viewerId` sees it. */
export function postToWire(urls: Urls, record: PostRecord, viewerId: number): PostItem {
  const { post, author, parent } = record;
  const isSelf = post.authorId === viewerId;
  return {
    profile: authorToWire(urls, author),
    ...contentToWire(urls, post),
    comment_count: record.commentCount,
    like_count: record.likeCount,
    share_count: record.shareCount,
    parent: parent && {
      profile: authorToWire(urls, parent.author),
      ...contentToWire(urls, parent.post),
    },
    can_like: !record.likedByViewer,
    can_follow: !isSelf && !record.viewerFollowsAuthor,
    is_self: isSelf,
    is_saved: record.savedByViewer,
    post_id: post.id,
  };
}

/**
 * The posts with these ids, in that order, in the documented shape as
 * `viewerId` sees them: one SQL round trip (see `readPosts`).
 */
export async function loadPostItems(
  deps: Pick<Services, 'db' | 'storage' | 'settings'>,
  ids: readonly number[],
  viewerId: number,
): Promise<PostItem[]> {
  const records = await readPosts(deps, ids, viewerId);
  return records.map((record) => postToWire(deps, record, viewerId));
}
