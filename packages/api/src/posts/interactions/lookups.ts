import { comments, posts, profiles } from '@career-nexus/db';
import { eq } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import { DomainError } from '../../errors.ts';
import type { Member } from './wire.ts';

type Deps = Pick<Services, 'db'>;

export const noSuchPost = () => new DomainError('not_found', 'No post has this id.');
export const noSuchComment = () => new DomainError('not_found', 'No comment has this id.');

/** Throws not_found unless a post has this id. */
export async function assertPostExists({ db }: Deps, postId: number): Promise<void> {
  const found = await db.$count(posts, eq(posts.id, postId));
  if (found === 0) throw noSuchPost();
}

/** Throws not_found unless a comment has this id. */
export async function assertCommentExists({ db }: Deps, commentId: number): Promise<void> {
  const found = await db.$count(comments, eq(comments.id, commentId));
  if (found === 0) throw noSuchComment();
}

/** What a comment, reply or repost shows of the member who wrote it. */
export async function readMember({ db }: Deps, userId: number): Promise<Member> {
  const [member] = await db
    .select({
      userId: profiles.userId,
      firstName: profiles.firstName,
      lastName: profiles.lastName,
      middleName: profiles.middleName,
      profilePhoto: profiles.profilePhoto,
      qualification: profiles.qualification,
    })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  if (!member) throw new DomainError('not_found', 'This profile no longer exists.');
  return member;
}
