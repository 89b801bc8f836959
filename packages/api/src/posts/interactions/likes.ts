import { commentLikes, postLikes } from '@career-nexus/db';
import { and, eq } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import { publishActivity } from '../../dashboard/activity.ts';
import { DomainError } from '../../errors.ts';
import { assertCommentExists, assertPostExists } from './lookups.ts';

type Deps = Pick<Services, 'db' | 'events' | 'clock' | 'log'>;

// Each like is a row whose primary key is (target, member): the database,
// not a read before the write, refuses a second one, so concurrent likes
// of one post by one member leave one row and every other request a 409.

export async function likePost(deps: Deps, userId: number, postId: number): Promise<void> {
  await assertPostExists(deps, postId);

  const inserted = await deps.db
    .insert(postLikes)
    .values({ postId, userId })
    .onConflictDoNothing()
    .returning({ postId: postLikes.postId });
  if (inserted.length === 0) throw new DomainError('conflict', 'You already like this post.');

  await publishActivity(deps, 'post.liked', userId, { type: 'post', id: postId });
}

export async function unlikePost(deps: Deps, userId: number, postId: number): Promise<void> {
  const removed = await deps.db
    .delete(postLikes)
    .where(and(eq(postLikes.postId, postId), eq(postLikes.userId, userId)))
    .returning({ postId: postLikes.postId });
  if (removed.length > 0) return;

  await assertPostExists(deps, postId);
  throw new DomainError('conflict', 'You do not like this post.');
}

export async function likeComment(deps: Deps, userId: number, commentId: number): Promise<void> {
  await assertCommentExists(deps, commentId);

  const inserted = await deps.db
    .insert(commentLikes)
    .values({ commentId, userId })
    .onConflictDoNothing()
    .returning({ commentId: commentLikes.commentId });
  if (inserted.length === 0) throw new DomainError('conflict', 'You already like this comment.');

  await publishActivity(deps, 'comment.liked', userId, { type: 'comment', id: commentId });
}

export async function unlikeComment(deps: Deps, userId: number, commentId: number): Promise<void> {
  const removed = await deps.db
    .delete(commentLikes)
    .where(and(eq(commentLikes.commentId, commentId), eq(commentLikes.userId, userId)))
    .returning({ commentId: commentLikes.commentId });
  if (removed.length > 0) return;

  await assertCommentExists(deps, commentId);
  throw new DomainError('conflict', 'You do not like this comment.');
}
