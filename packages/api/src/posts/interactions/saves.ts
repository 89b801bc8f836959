import { postSaves } from '@career-nexus/db';
import { and, eq } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import { assertPostExists } from './lookups.ts';

type Deps = Pick<Services, 'db'>;

/** Saves a post for a member; saving it again keeps the first save. */
export async function savePost(deps: Deps, userId: number, postId: number): Promise<void> {
  await assertPostExists(deps, postId);

  await deps.db.insert(postSaves).values({ postId, userId }).onConflictDoNothing();
}

/** Forgets a saved post; a post that was not saved is already forgotten. */
export async function unsavePost(deps: Deps, userId: number, postId: number): Promise<void> {
  await assertPostExists(deps, postId);

  await deps.db
    .delete(postSaves)
    .where(and(eq(postSaves.userId, userId), eq(postSaves.postId, postId)));
}
