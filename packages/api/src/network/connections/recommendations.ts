import { connections, follows, profiles, users, type Industry } from '@career-nexus/db';
import { and, asc, count, eq, ne, notExists, sql } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import { pageOf, toPage, type PageRequest } from '../../pagination.ts';
import {
  RECOMMENDATION_PAGE_SIZE,
  recommendationPath,
  type RecommendationCriteria,
} from './contract.ts';
import { profilePhotoUrl } from '../../profile/details/media.ts';

type Deps = Pick<Services, 'db' | 'storage' | 'settings'>;

interface Viewer {
  industry: Industry;
  location: string;
}

async function viewerOf({ db }: Deps, userId: number): Promise<Viewer> {
  const [viewer] = await db
    .select({ industry: users.industry, location: profiles.location })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, userId));
  return viewer!;
}

/** What "matching" means for each criteria. */
function matching(viewer: Viewer, criteria: RecommendationCriteria) {
  if (criteria === 'industry') return eq(users.industry, viewer.industry);
  // An empty location matches nobody, not everyone else without one.
  if (!viewer.location.trim()) return sql`false`;
  // lower(location), exactly as indexed, so the index serves the lookup.
  return eq(sql`lower(${profiles.location})`, viewer.location.toLowerCase());
}

/** Anyone with a connection row with the viewer, pending or confirmed, either way. */
function notYetLinked(userId: number) {
  return notExists(
    sql`(select 1 from ${connections} where
      (${connections.requesterId} = ${userId} and ${connections.recipientId} = ${users.id})
      or (${connections.recipientId} = ${userId} and ${connections.requesterId} = ${users.id}))`,
  );
}

/**
 * One page of members the viewer may want to connect with, oldest member
 * first, with the page's total from the same statement.
 */
export async function recommendationPage(
  deps: Deps,
  userId: number,
  criteria: RecommendationCriteria,
  request: PageRequest,
) {
  const page = pageOf(request, RECOMMENDATION_PAGE_SIZE);
  const viewer = await viewerOf(deps, userId);

  const rows = await deps.db
    .select({
      id: users.id,
      firstName: profiles.firstName,
      lastName: profiles.lastName,
      qualification: profiles.qualification,
      profilePhoto: profiles.profilePhoto,
      followers: sql<number>`(select count(*) from ${follows}
        where ${follows.followingId} = ${users.id})::int`,
      total: sql<number>`${count()} over ()`.mapWith(Number),
    })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(and(ne(users.id, userId), matching(viewer, criteria), notYetLinked(userId)))
    .orderBy(asc(users.id))
    .limit(page.size)
    .offset(page.offset);

  const results = rows.map((row) => ({
    id: row.id,
    name: `${row.firstName} ${row.lastName}`,
    qualification: row.qualification,
    profile_photo: profilePhotoUrl(deps, row.profilePhoto),
    followers: row.followers,
  }));
  const base = {
    publicUrl: deps.settings.publicUrl,
    path: recommendationPath,
    query: { criteria },
  };
  return toPage(results, rows[0]?.total ?? 0, page, base, RECOMMENDATION_PAGE_SIZE);
}
