import { follows, profiles, users, type Industry } from '@career-nexus/db';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Services } from '../../context.ts';
import type { Page } from '../../pagination.ts';

type Deps = Pick<Services, 'db'>;

export interface Viewer {
  id: number;
  industry: Industry;
}

export interface RecommendationRow {
  userId: number;
  firstName: string;
  lastName: string;
  profilePhoto: string | null;
  qualification: string;
  followers: number;
}

const candidate = alias(users, 'candidate');
const located = alias(profiles, 'located');
const mine = alias(follows, 'mine');
const theirs = alias(follows, 'theirs');

/** An aliased table in a hand-written FROM: drizzle renders an alias by its name only. */
function as(table: typeof users | typeof profiles | typeof follows, name: string) {
  return sql`${table} as ${sql.identifier(name)}`;
}

/**
 * One page of the members `viewer` might follow: same industry, or the
 * same non-empty location ignoring case, with no follow between the two
 * either way; most followed first, ties by id. The candidates come from a
 * union of two index scans (`users.industry`, `lower(profiles.location)`)
 * rather than an OR across two tables, which no index can serve.
 */
export async function recommendationPage(
  { db }: Deps,
  viewer: Viewer,
  page: Page,
): Promise<{ rows: RecommendationRow[]; count: number }> {
  const [me] = await db
    .select({ location: profiles.location })
    .from(profiles)
    .where(eq(profiles.userId, viewer.id));
  const location = me?.location.trim().toLowerCase() ?? '';

  const byIndustry = sql`select ${candidate.id} from ${as(users, 'candidate')}
    where ${candidate.industry} = ${viewer.industry}`;
  const byLocation = sql`select ${located.userId} from ${as(profiles, 'located')}
    where lower(${located.location}) = ${location}`;
  const candidates = location ? sql`${byIndustry} union ${byLocation}` : byIndustry;
  // Spelled out: with one table in FROM, drizzle leaves the selected
  // columns unqualified, and this subquery must name the outer row's id.
  const followers = sql<number>`(select count(*) from ${as(follows, 'followed_by')}
    where ${sql.raw('"followed_by"."following_id" = "profiles"."user_id"')})`
    .mapWith(Number)
    .as('followers');

  const rows = await db
    .select({
      userId: profiles.userId,
      firstName: profiles.firstName,
      lastName: profiles.lastName,
      profilePhoto: profiles.profilePhoto,
      qualification: profiles.qualification,
      followers,
      count: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(profiles)
    .where(
      sql`${profiles.userId} in (${candidates})
        and ${profiles.userId} <> ${viewer.id}
        and not exists (select 1 from ${as(follows, 'mine')}
          where ${mine.followerId} = ${viewer.id} and ${mine.followingId} = ${profiles.userId})
        and not exists (select 1 from ${as(follows, 'theirs')}
          where ${theirs.followerId} = ${profiles.userId} and ${theirs.followingId} = ${viewer.id})`,
    )
    .orderBy(desc(sql.identifier('followers')), asc(profiles.userId))
    .limit(page.size)
    .offset(page.offset);
  return { rows, count: rows[0]?.count ?? 0 };
}
