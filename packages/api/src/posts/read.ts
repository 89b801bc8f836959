import {
  comments,
  follows,
  postLikes,
  posts,
  postSaves,
  postShares,
  profiles,
} from '@career-nexus/db';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Services } from '../context.ts';

type Deps = Pick<Services, 'db'>;

export type Post = typeof posts.$inferSelect;

/** What a post shows of its author. */
export interface Author {
  userId: number;
  firstName: string;
  lastName: string;
  middleName: string;
  profilePhoto: string | null;
  qualification: string;
}

/** A post with its author, its original (for a repost), its counts and one viewer's flags. */
export interface PostRecord {
  post: Post;
  author: Author;
  parent: { post: Post; author: Author } | null;
  commentCount: number;
  likeCount: number;
  shareCount: number;
  likedByViewer: boolean;
  viewerFollowsAuthor: boolean;
  savedByViewer: boolean;
}

const parentPosts = alias(posts, 'parent_posts');
const parentAuthors = alias(profiles, 'parent_authors');

const authorColumns = {
  userId: profiles.userId,
  firstName: profiles.firstName,
  lastName: profiles.lastName,
  middleName: profiles.middleName,
  profilePhoto: profiles.profilePhoto,
  qualification: profiles.qualification,
};

const parentAuthorColumns = {
  userId: parentAuthors.userId,
  firstName: parentAuthors.firstName,
  lastName: parentAuthors.lastName,
  middleName: parentAuthors.middleName,
  profilePhoto: parentAuthors.profilePhoto,
  qualification: parentAuthors.qualification,
};

/**
 * The posts with these ids as `viewerId` sees them, in the order of `ids`,
 * in one round trip whatever their likes, comments and shares: counts and
 * flags are correlated subqueries over the primary keys and indexes of
 * their tables, and author and original post are joins. Flags are computed
 * for this viewer on every call, never kept. Unknown ids are left out.
 */
export async function readPosts(
  { db }: Deps,
  ids: readonly number[],
  viewerId: number,
): Promise<PostRecord[]> {
  if (ids.length === 0) return [];

  const rows = await db
    .select({
      post: posts,
      author: authorColumns,
      parentPost: parentPosts,
      parentAuthor: parentAuthorColumns,
      commentCount: db.$count(
        comments,
        and(eq(comments.postId, posts.id), isNull(comments.parentId)),
      ),
      likeCount: db.$count(postLikes, eq(postLikes.postId, posts.id)),
      shareCount: db.$count(postShares, eq(postShares.postId, posts.id)),
      likedByViewer: sql<boolean>`exists (
        select 1 from ${postLikes}
        where ${postLikes.postId} = ${posts.id} and ${postLikes.userId} = ${viewerId})`,
      viewerFollowsAuthor: sql<boolean>`exists (
        select 1 from ${follows}
        where ${follows.followerId} = ${viewerId} and ${follows.followingId} = ${posts.authorId})`,
      savedByViewer: sql<boolean>`exists (
        select 1 from ${postSaves}
        where ${postSaves.userId} = ${viewerId} and ${postSaves.postId} = ${posts.id})`,
    })
    .from(posts)
    .innerJoin(profiles, eq(profiles.userId, posts.authorId))
    .leftJoin(parentPosts, eq(parentPosts.id, posts.parentId))
    .leftJoin(parentAuthors, eq(parentAuthors.userId, parentPosts.authorId))
    .where(inArray(posts.id, [...ids]));

  const byId = new Map(rows.map((row) => [row.post.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { parentPost, parentAuthor, ...rest } = row;
    const parent = parentPost && parentAuthor ? { post: parentPost, author: parentAuthor } : null;
    return [{ ...rest, parent }];
  });
}
