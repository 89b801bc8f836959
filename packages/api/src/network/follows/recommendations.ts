import { follows, profiles, users } from '@career-nexus/db';
import { and, asc, desc, eq, ne, notExists, sql } from 'drizzle-orm';
import { alias, union } from 'drizzle-orm/pg-core';
import type { Services } from '../../context.ts';
import type { Page } from '../../pagination.ts';
import { locatedLikeViewer, type Viewer } from '../matching.ts';
import type { RecommendationRow } from '../recommended-member.ts';

type Deps = Pick<Services, 'db'>;

const mine = alias(follows, 'mine');
const theirs = alias(follows, 'theirs');

/**
 * One page of the members `viewer` might follow: same industry, or the
 * same non-empty location ignoring case, with no follow between the two
 * either way; most followed first, ties by id.
 */
export async function recommendationPage(
  deps: Deps,
  viewer: Viewer,
  page: Page,
): Promise<{ rows: RecommendationRow[]; count: number }> {
  const { db } = deps;
  // A union of two index scans (`users.industry`, `lower(profiles.location)`)
  // rather than an OR across two tables, which no index can serve. Each
  // member comes with the follower count kept on their row.
  const member = { id: users.id, followers: users.followerCount };
  const byIndustry = db.select(member).from(users).where(eq(users.industry, viewer.industry));
  const byLocation = db
    .select(member)
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(locatedLikeViewer(deps, viewer.id));
  const matches = union(byIndustry, byLocation).as('matches');
  // Named twice (the page and the total), so PostgreSQL computes the
  // candidates once and the page joins profiles for its own rows only.
  const candidates = db.$with('candidates').as(
    db
      .select({ id: matches.id, followers: matches.followers })
      .from(matches)
      .where(
        and(
          ne(matches.id, viewer.id),
          notExists(
            db
              .select({ id: mine.followingId })
              .from(mine)
              .where(and(eq(mine.followerId, viewer.id), eq(mine.followingId, matches.id))),
          ),
          notExists(
            db
              .select({ id: theirs.followerId })
              .from(theirs)
              .where(and(eq(theirs.followerId, matches.id), eq(theirs.followingId, viewer.id))),
          ),
        ),
      ),
  );
  const pageIds = db
    .$with('page')
    .as(
      db
        .select({ id: candidates.id, followers: candidates.followers })
        .from(candidates)
        .orderBy(desc(candidates.followers), asc(candidates.id))
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
      followers: pageIds.followers,
      count: sql<number>`(select count(*) from ${candidates})`.mapWith(Number),
    })
    .from(pageIds)
    .innerJoin(profiles, eq(profiles.userId, pageIds.id))
    .orderBy(desc(pageIds.followers), asc(pageIds.id));
  return { rows, count: rows[0]?.count ?? 0 };
}
