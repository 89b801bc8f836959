import { postShares } from '@career-nexus/db';
import type { Services } from '../../context.ts';
import { readPosts, type PostRecord } from '../read.ts';
import { assertPostExists, noSuchPost } from './lookups.ts';

type Deps = Pick<Services, 'db' | 'settings'>;

/** Where a shared post opens without signing in. */
export const SHARED_PATH = '/post/shared/';

/** Records a share (every one counts) and answers the link that opens the post. */
export async function sharePost(deps: Deps, userId: number, postId: number): Promise<string> {
  await assertPostExists(deps, postId);

  await deps.db.insert(postShares).values({ postId, userId });
  return `${deps.settings.publicUrl}${SHARED_PATH}?post_id=${postId}`;
}

/** No member has id 0: the flags `readPosts` computes for it are dropped anyway. */
const NOBODY = 0;

/** A post as anyone with its link sees it. */
export async function readSharedPost(
  deps: Pick<Services, 'db'>,
  postId: number,
): Promise<PostRecord> {
  const [record] = await readPosts(deps, [postId], NOBODY);
  if (!record) throw noSuchPost();
  return record;
}
