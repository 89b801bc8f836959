import { follows, industryEnum, posts, postSaves, users, type Industry } from '@career-nexus/db';
import { desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Services } from '../context.ts';
import type { Page } from '../pagination.ts';

type Deps = Pick<Services, 'db'>;

/** One page of post ids, newest first, and how many posts the whole list holds. */
export interface IdPage {
  ids: number[];
  count: number;
}

export interface Viewer {
  id: number;
  industry: Industry;
}

/** The feed: posts tagged with the viewer's industry, or written by a mentor. */
export function feedPage(deps: Deps, viewer: Viewer, page: Page): Promise<IdPage> {
  const mentor = sql`exists (
    select 1 from ${users} where ${users.id} = ${posts.authorId} and ${users.userType} = 'mentor')`;
  // An explicit cast: a bound array would reach the server as text[], which
  // has no containment operator with the enum array.
  const tagged = sql`${posts.industries} @> array[${viewer.industry}]::${sql.identifier(industryEnum.enumName)}[]`;
  return postIdPage(deps, or(tagged, mentor)!, page);
}

/** The viewer's own posts, reposts included. */
export function ownPage(deps: Deps, viewerId: number, page: Page): Promise<IdPage> {
  return postIdPage(deps, eq(posts.authorId, viewerId), page);
}

/** Posts of the members the viewer follows. */
export function followingPage(deps: Deps, viewerId: number, page: Page): Promise<IdPage> {
  const followed = sql`${posts.authorId} in (
    select ${follows.followingId} from ${follows} where ${follows.followerId} = ${viewerId})`;
  return postIdPage(deps, followed, page);
}

/**
 * One page of the posts that match `where`, in one round trip: the window
 * count is taken before the limit applies. A page past the end has no rows
 * and so no count; it is refused anyway, so 0 serves.
 */
async function postIdPage({ db }: Deps, where: SQL, page: Page): Promise<IdPage> {
  const rows = await db
    .select({ id: posts.id, count: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(posts)
    .where(where)
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(page.size)
    .offset(page.offset);
  return { ids: rows.map((row) => row.id), count: rows[0]?.count ?? 0 };
}

/** The ids of the posts a member saved, newest save first. */
export async function savedPostIds({ db }: Deps, viewerId: number): Promise<number[]> {
  const rows = await db
    .select({ id: postSaves.postId })
    .from(postSaves)
    .where(eq(postSaves.userId, viewerId))
    .orderBy(desc(postSaves.createdAt), desc(postSaves.postId));
  return rows.map((row) => row.id);
}
