import type { Services } from '../context.ts';
import { pageOf, toPage, type Page, type PageRequest } from '../pagination.ts';
import { POST_PAGE_SIZE } from './contract.ts';
import type { IdPage } from './lists.ts';
import { loadPostItems } from './wire.ts';

type Deps = Pick<Services, 'db' | 'storage' | 'settings'>;

/**
 * One page of a post list in the documented shape, in two SQL round trips
 * whatever the page size: the page's ids with the list's count, then the
 * posts themselves as `viewerId` sees them.
 */
export async function postListPage(
  deps: Deps,
  viewerId: number,
  path: string,
  request: PageRequest | undefined,
  idsOf: (page: Page) => Promise<IdPage>,
) {
  const page = pageOf(request ?? { page: 1 }, POST_PAGE_SIZE);

  const { ids, count } = await idsOf(page);
  const items = await loadPostItems(deps, ids, viewerId);

  const base = { publicUrl: deps.settings.publicUrl, path };
  return toPage(items, count, page, base, POST_PAGE_SIZE);
}
