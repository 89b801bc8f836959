import { follows, profiles, users } from '@career-nexus/db';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import { publishActivity } from '../../dashboard/activity.ts';
import { DomainError } from '../../errors.ts';

type Deps = Pick<Services, 'db'>;
type EventDeps = Deps & Pick<Services, 'events' | 'clock' | 'log'>;

/** What the followers and followings lists show of a member. */
export type MemberRow = Pick<
  typeof profiles.$inferSelect,
  'userId' | 'firstName' | 'lastName' | 'middleName' | 'profilePhoto' | 'qualification'
>;

// The unique index on (follower, following) refuses a second follow, so
// concurrent follows of one member by one member leave one row and every
// other request a 409; no read before the write decides it.

export async function follow(deps: EventDeps, followerId: number, followingId: number) {
  if (followerId === followingId)
    throw new DomainError('bad_request', 'You cannot follow yourself.');
  await assertMemberExists(deps, followingId);

  const inserted = await deps.db
    .insert(follows)
    .values({ followerId, followingId })
    .onConflictDoNothing()
    .returning({ id: follows.id });
  if (inserted.length === 0) throw new DomainError('conflict', 'You already follow this member.');

  await publishActivity(deps, 'user.followed', followerId, { type: 'user', id: followingId });
  return { followerId, followingId };
}

export async function unfollow(deps: Deps, followerId: number, followingId: number) {
  const removed = await deps.db
    .delete(follows)
    .where(and(eq(follows.followerId, followerId), eq(follows.followingId, followingId)))
    .returning({ id: follows.id });
  if (removed.length > 0) return;

  await assertMemberExists(deps, followingId);
  throw new DomainError('conflict', 'You do not follow this member.');
}

async function assertMemberExists({ db }: Deps, userId: number): Promise<void> {
  const [found] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!found) throw new DomainError('not_found', 'No member has this id.');
}

const memberColumns = {
  userId: profiles.userId,
  firstName: profiles.firstName,
  lastName: profiles.lastName,
  middleName: profiles.middleName,
  profilePhoto: profiles.profilePhoto,
  qualification: profiles.qualification,
};

/** The members `userId` follows, earliest follow first. */
export function listFollowings({ db }: Deps, userId: number): Promise<MemberRow[]> {
  return db
    .select(memberColumns)
    .from(follows)
    .innerJoin(profiles, eq(profiles.userId, follows.followingId))
    .where(eq(follows.followerId, userId))
    .orderBy(asc(follows.createdAt), asc(follows.id));
}

/** The members who follow `userId`, earliest follow first. */
export function listFollowers({ db }: Deps, userId: number): Promise<MemberRow[]> {
  return db
    .select(memberColumns)
    .from(follows)
    .innerJoin(profiles, eq(profiles.userId, follows.followerId))
    .where(eq(follows.followingId, userId))
    .orderBy(asc(follows.createdAt), asc(follows.id));
}

export async function countFollowings({ db }: Deps, userId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(follows).where(eq(follows.followerId, userId));
  return row?.n ?? 0;
}

/** The count kept on the member's row by the trigger on follows. */
export async function countFollowers({ db }: Deps, userId: number): Promise<number> {
  const [row] = await db.select({ n: users.followerCount }).from(users).where(eq(users.id, userId));
  return row?.n ?? 0;
}
