import { connections, profiles, users } from '@career-nexus/db';
import { and, asc, eq, inArray, ne, notExists, sql, type SQLWrapper } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import type { Page } from '../../pagination.ts';
import { locatedLikeViewer, type Viewer } from '../matching.ts';
import type { RecommendationRow } from '../recommended-member.ts';
import type { RecommendationCriteria } from './contract.ts';

type Deps = Pick<Services, 'db'>;

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
function matching(deps: Deps, viewer: Viewer, criteria: RecommendationCriteria) {
  if (criteria === 'industry') return eq(users.industry, viewer.industry);
  const located = deps.db
    .select({ id: profiles.userId })
    .from(profiles)
    .where(locatedLikeViewer(deps, viewer.id));
  return inArray(users.id, located);
}

/**
 * One page of the members `viewer` might connect with, oldest member first,
 * with the total, in one statement.
 */
export async function recommendationPage(
  deps: Deps,
  viewer: Viewer,
  criteria: RecommendationCriteria,
  page: Page,
): Promise<{ rows: RecommendationRow[]; count: number }> {
  const { db } = deps;

  // The candidates are named twice (the page and the total), so PostgreSQL
  // computes them once, by the criteria's index. Asked in one query with
  // `count(*) over ()` beside `order by id limit`, it walked every member
  // by primary key instead, counting the limit as if it saved the work.
  const candidates = db.$with('candidates').as(
    db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          matching(deps, viewer, criteria),
          ne(users.id, viewer.id),
          notYetLinked(viewer.id, users.id),
        ),
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
