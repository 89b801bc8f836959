import { connections, profiles, users, type Industry } from '@career-nexus/db';
import { and, asc, eq, inArray, ne, notExists, sql, type SQLWrapper } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import type { Page } from '../../pagination.ts';
import type { RecommendationRow } from '../recommended-member.ts';
import type { RecommendationCriteria } from './contract.ts';

type Deps = Pick<Services, 'db'>;

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

/**
 * Anyone with a connection row with the viewer, pending or confirmed, either
 * way. One test per direction, so each is a hash anti join on its own index
 * rather than an OR filter tried against every candidate.
 */
function notYetLinked(userId: number, member: SQLWrapper) {
  return and(
    notExists(
      sql`(select 1 from ${connections}
        where ${connections.requesterId} = ${userId} and ${connections.recipientId} = ${member})`,
    ),
    notExists(
      sql`(select 1 from ${connections}
        where ${connections.recipientId} = ${userId} and ${connections.requesterId} = ${member})`,
    ),
  );
}

/** What "matching" means for each criteria, each served by its own index. */
function matching({ db }: Deps, viewer: Viewer, criteria: RecommendationCriteria) {
  if (criteria === 'industry') return eq(users.industry, viewer.industry);
  // An empty location matches nobody, not everyone else without one.
  const location = viewer.location.trim().toLowerCase();
  if (!location) return sql`false`;
  // lower(location), exactly as indexed.
  const located = db
    .select({ id: profiles.userId })
    .from(profiles)
    .where(eq(sql`lower(${profiles.location})`, location));
  return inArray(users.id, located);
}

/**
 * One page of the members `userId` might connect with, oldest member first,
 * with the total from the same statement.
 */
export async function recommendationPage(
  deps: Deps,
  userId: number,
  criteria: RecommendationCriteria,
  page: Page,
): Promise<{ rows: RecommendationRow[]; count: number }> {
  const { db } = deps;
  const viewer = await viewerOf(deps, userId);

  // The candidates are named twice (the page and the total), so PostgreSQL
  // computes them once, by the criteria's index. Asked in one query with
  // `count(*) over ()` beside `order by id limit`, it walked every member
  // by primary key instead, counting the limit as if it saved the work.
  const candidates = db.$with('candidates').as(
    db
      .select({ id: users.id })
      .from(users)
      .where(
        and(matching(deps, viewer, criteria), ne(users.id, userId), notYetLinked(userId, users.id)),
      ),
  );
  const pageIds = db
    .$with('page')
    .as(
      db
        .select({ id: candidates.id })
        .from(candidates)
        .orderBy(asc(candidates.id))
        .limit(page.size)
        .offset(page.offset),
    );

  const rows = await db
    .with(candidates, pageIds)
    .select({
      userId: pageIds.id,
      firstName: profiles.firstName,
      lastName: profiles.lastName,
      profilePhoto: profiles.profilePhoto,
      qualification: profiles.qualification,
      followers: users.followerCount,
      count: sql<number>`(select count(*) from ${candidates})`.mapWith(Number),
    })
    .from(pageIds)
    .innerJoin(users, eq(users.id, pageIds.id))
    .innerJoin(profiles, eq(profiles.userId, pageIds.id))
    .orderBy(asc(pageIds.id));
  return { rows, count: rows[0]?.count ?? 0 };
}
