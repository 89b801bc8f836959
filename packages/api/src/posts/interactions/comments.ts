import { commentLikes, comments, posts, profiles } from '@career-nexus/db';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import { publishActivity } from '../../dashboard/activity.ts';
import type { UploadedFile } from '../../uploads.ts';
import { assertPostExists, noSuchComment, noSuchPost, readMember } from './lookups.ts';
import type { Member, ThreadRecord } from './wire.ts';

type Deps = Pick<Services, 'db' | 'events' | 'clock' | 'log'>;
export type Comment = typeof comments.$inferSelect;

export interface NewComment {
  post: number;
  body: string;
  media?: UploadedFile | undefined;
}

export interface WrittenComment {
  comment: Comment;
  author: Member;
}

/** A top-level comment on a post. */
export async function addComment(
  deps: Deps,
  userId: number,
  input: NewComment,
): Promise<WrittenComment> {
  const [, author] = await Promise.all([
    assertPostExists(deps, input.post),
    readMember(deps, userId),
  ]);

  const [comment] = await deps.db
    .insert(comments)
    .values({
      postId: input.post,
      authorId: userId,
      body: input.body,
      media: input.media?.key ?? null,
    })
    .returning();

  await publishActivity(deps, 'post.commented', userId, { type: 'post', id: input.post });
  return { comment: comment!, author };
}

/**
 * A reply to a comment. Threads are two levels deep, as the document shows
 * them: a reply to a reply joins the thread of the top-level comment it
 * belongs to, so every reply is listed, in order, under one comment.
 */
export async function addReply(
  deps: Deps,
  userId: number,
  input: { parent: number; body: string },
): Promise<WrittenComment> {
  const [[target], author] = await Promise.all([
    deps.db
      .select({ id: comments.id, postId: comments.postId, parentId: comments.parentId })
      .from(comments)
      .where(eq(comments.id, input.parent)),
    readMember(deps, userId),
  ]);
  if (!target) throw noSuchComment();

  const [comment] = await deps.db
    .insert(comments)
    .values({
      postId: target.postId,
      authorId: userId,
      parentId: target.parentId ?? target.id,
      body: input.body,
    })
    .returning();

  await publishActivity(deps, 'post.commented', userId, { type: 'post', id: target.postId });
  return { comment: comment!, author };
}

/** `"alias"."column"`: aliases are spelled out, as Drizzle drops them inside nested SQL. */
const column = (alias: string, name: string) =>
  sql`${sql.identifier(alias)}.${sql.identifier(name)}`;

/** One comment and its author, aliased `c` and `a`, as a JSON object keyed like {@link ThreadRecord}. */
function commentJson(c: string, a: string, viewerId: number, more: SQL = sql``): SQL {
  const id = column(c, 'id');
  const likes = sql`${commentLikes} as ${sql.identifier(`${c}_likes`)}`;
  const likeOf = column(`${c}_likes`, 'comment_id');
  const likerOf = column(`${c}_likes`, 'user_id');
  return sql`json_build_object(
    'id', ${id},
    'postId', ${column(c, 'post_id')},
    'parentId', ${column(c, 'parent_id')},
    'body', ${column(c, 'body')},
    'media', ${column(c, 'media')},
    'createdAt', ${column(c, 'created_at')},
    'likes', (select count(*)::int from ${likes} where ${likeOf} = ${id}),
    'likedByViewer', exists (select 1 from ${likes}
      where ${likeOf} = ${id} and ${likerOf} = ${viewerId}),
    'author', json_build_object(
      'firstName', ${column(a, 'first_name')},
      'lastName', ${column(a, 'last_name')},
      'middleName', ${column(a, 'middle_name')},
      'profilePhoto', ${column(a, 'profile_photo')}
    )${more}
  )`;
}

/** The comments under `where`, aliased `c` with authors `a`, oldest first, as a JSON array. */
function commentList(c: string, a: string, where: SQL, viewerId: number, more?: SQL): SQL {
  return sql`coalesce((
    select json_agg(${commentJson(c, a, viewerId, more)}
      order by ${column(c, 'created_at')}, ${column(c, 'id')})
    from ${comments} as ${sql.identifier(c)}
    join ${profiles} as ${sql.identifier(a)}
      on ${column(a, 'user_id')} = ${column(c, 'author_id')}
    where ${where}
  ), '[]'::json)`;
}

/**
 * The top-level comments of a post, oldest first, each with its replies,
 * oldest first, as `viewerId` sees them: one statement whatever the number
 * of comments, replies and likes (nested JSON aggregates). Throws not_found
 * for an unknown post.
 */
export async function listThreads(
  { db }: Pick<Services, 'db'>,
  postId: number,
  viewerId: number,
): Promise<ThreadRecord[]> {
  const replies = commentList(
    'replies',
    'reply_authors',
    sql`${column('replies', 'parent_id')} = ${column('threads', 'id')}`,
    viewerId,
  );
  const threads = commentList(
    'threads',
    'thread_authors',
    sql`${column('threads', 'post_id')} = ${column('posts', 'id')} and ${column('threads', 'parent_id')} is null`,
    viewerId,
    sql`, 'replies', ${replies}`,
  );

  const [found] = await db
    .select({ threads: sql<ThreadRecord[]>`${threads}` })
    .from(posts)
    .where(eq(posts.id, postId));
  if (!found) throw noSuchPost();
  return found.threads;
}
