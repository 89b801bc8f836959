import { posts, users } from '@career-nexus/db';
import { eq } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import { publishActivity } from '../../dashboard/activity.ts';
import { noSuchPost, readMember } from './lookups.ts';
import type { Member } from './wire.ts';

type Deps = Pick<Services, 'db' | 'events' | 'clock' | 'log'>;
export type Post = typeof posts.$inferSelect;

export interface Repost {
  post: Post;
  author: Member;
}

/**
 * Reposts a post. A repost of a repost points at the original, so that
 * chains never form; its tags are the reposter's industry plus the tags of
 * the post reposted (which, for a repost, already hold the original's).
 */
export async function repost(
  deps: Deps,
  userId: number,
  input: { parent: number; body: string },
): Promise<Repost> {
  const [[reposted], [reposter], author] = await Promise.all([
    deps.db
      .select({ id: posts.id, parentId: posts.parentId, industries: posts.industries })
      .from(posts)
      .where(eq(posts.id, input.parent)),
    deps.db.select({ industry: users.industry }).from(users).where(eq(users.id, userId)),
    readMember(deps, userId),
  ]);
  if (!reposted) throw noSuchPost();

  const originalId = reposted.parentId ?? reposted.id;
  const industries = [...new Set([reposter!.industry, ...reposted.industries])];
  const [post] = await deps.db
    .insert(posts)
    .values({ authorId: userId, body: input.body, parentId: originalId, industries })
    .returning();

  await publishActivity(deps, 'post.reposted', userId, { type: 'post', id: originalId });
  return { post: post!, author };
}
