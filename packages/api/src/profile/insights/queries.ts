import {
  certifications,
  connections,
  educations,
  experiences,
  posts,
  profiles,
  profileViews,
  users,
} from '@career-nexus/db';
import { and, eq, exists, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Services } from '../../context.ts';
import { DomainError } from '../../errors.ts';
import { completionItems, type CompletionItem } from './contract.ts';

type Deps = Pick<Services, 'db'>;

export interface Analytics {
  totalPosts: number;
  totalViews: number;
  totalConnections: number;
}

/** Counts for one member, in one round trip: three scalar subqueries. */
export async function readAnalytics({ db }: Deps, userId: number): Promise<Analytics> {
  const [row] = await db
    .select({
      // Reposts are posts with a parent: counted like any other.
      totalPosts: db.$count(posts, eq(posts.authorId, users.id)),
      totalViews: db.$count(
        profileViews,
        and(
          eq(profileViews.profileId, users.id),
          sql`${profileViews.viewerId} is distinct from ${profileViews.profileId}`,
        ),
      ),
      totalConnections: db.$count(
        connections,
        and(
          eq(connections.status, 'CONFIRMED'),
          or(eq(connections.requesterId, users.id), eq(connections.recipientId, users.id)),
        ),
      ),
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new DomainError('not_found', 'This account no longer exists.');
  return row;
}

export interface Completion {
  completion: number;
  complete: CompletionItem[];
  incomplete: CompletionItem[];
}

/** Which parts of a member's profile are filled, in one round trip. */
export async function readCompletion({ db }: Deps, userId: number): Promise<Completion> {
  const hasRows = (table: PgTable, owner: PgColumn): SQL<boolean> =>
    exists(
      db
        .select({ one: sql`1` })
        .from(table)
        .where(eq(owner, profiles.userId)),
    ).mapWith(Boolean);

  const [filled] = await db
    .select({
      // A null photo is the default photo, which does not count.
      profile_photo: isNotNull(profiles.profilePhoto).mapWith(Boolean),
      intro_video: isNotNull(profiles.introVideo).mapWith(Boolean),
      experience: hasRows(experiences, experiences.userId),
      certification: hasRows(certifications, certifications.userId),
      bio: sql`btrim(${profiles.bio}) <> ''`.mapWith(Boolean),
      education: hasRows(educations, educations.userId),
    })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  if (!filled) throw new DomainError('not_found', 'This profile no longer exists.');

  const complete = completionItems.filter((item) => filled[item.name]);
  return {
    completion: complete.reduce((sum, item) => sum + item.weight, 0),
    complete: complete.map((item) => item.name),
    incomplete: completionItems.filter((item) => !filled[item.name]).map((item) => item.name),
  };
}
