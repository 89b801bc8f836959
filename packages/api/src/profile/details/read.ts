import {
  certifications,
  educations,
  experiences,
  follows,
  profiles,
  profileViews,
  users,
  type UserType,
} from '@career-nexus/db';
import { desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Services } from '../../context.ts';
import type { Certification } from '../career/certification.ts';
import type { Education } from '../career/education.ts';
import type { Experience } from '../career/experience.ts';

type Deps = Pick<Services, 'db'>;

export type Profile = typeof profiles.$inferSelect;

/** A profile with everything its documented shape shows. */
export interface ProfileRecord {
  profile: Profile;
  userType: UserType;
  experience: Experience[];
  education: Education[];
  certification: Certification[];
  followers: number;
  followings: number;
}

/**
 * A member's profile, career history and follow counts in one round trip,
 * whatever the lengths of the lists: each list is a correlated subquery
 * that aggregates its rows to JSON, keyed like the Drizzle row so that the
 * career mappers apply. Undefined when no member has this id.
 */
export async function readProfile(
  { db }: Deps,
  userId: number,
): Promise<ProfileRecord | undefined> {
  const [record] = await db
    .select({
      profile: profiles,
      userType: users.userType,
      experience: rowsOf<Experience>(experiences, experiences.userId, [
        desc(experiences.startDate),
        desc(experiences.id),
      ]),
      education: rowsOf<Education>(educations, educations.userId, [
        desc(educations.startDate),
        desc(educations.id),
      ]),
      certification: rowsOf<Certification>(certifications, certifications.userId, [
        desc(certifications.issueDate),
        desc(certifications.id),
      ]),
      followers: users.followerCount,
      followings: db.$count(follows, eq(follows.followerId, profiles.userId)),
    })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(eq(profiles.userId, userId));
  return record;
}

/**
 * The rows of `table` owned by the profile, as a JSON array. Only tables of
 * text, number and date columns belong here: dates stay `YYYY-MM-DD` text in
 * JSON, as Drizzle's string mode reads them.
 */
function rowsOf<Row>(table: PgTable, owner: PgColumn, order: SQL[]): SQL<Row[]> {
  const fields = Object.entries(getTableColumns(table)).map(
    ([key, column]) => sql`${key}::text, ${column}`,
  );
  return sql<Row[]>`coalesce((
    select json_agg(json_build_object(${sql.join(fields, sql`, `)}) order by ${sql.join(order, sql`, `)})
    from ${table} where ${owner} = ${profiles.userId}
  ), '[]'::json)`;
}

/** Counts one read of a profile by another member. */
export async function recordProfileView(
  { db }: Deps,
  profileId: number,
  viewerId: number,
): Promise<void> {
  await db.insert(profileViews).values({ profileId, viewerId });
}
