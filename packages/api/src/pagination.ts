import { z } from 'zod';
import { DomainError } from './errors.ts';

export const MAX_PAGE_SIZE = 50;

/** Input fields of every paginated list. */
export const pageInput = {
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
};

/** The documented list shape around an item schema. */
export function paginated<T extends z.ZodType>(item: T) {
  return z.object({
    count: z.number().int(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    last_page: z.string().nullable(),
    results: z.array(item),
  });
}

export interface PageRequest {
  page: number;
  page_size?: number | undefined;
}

export interface Page {
  page: number;
  size: number;
  offset: number;
}

/** Resolves the page asked for against the list's default size. */
export function pageOf(request: PageRequest, defaultSize: number): Page {
  const size = request.page_size ?? defaultSize;
  return { page: request.page, size, offset: (request.page - 1) * size };
}

export interface LinkBase {
  publicUrl: string;
  /** The documented path of the list, such as `/post/`. */
  path: string;
  /** Other query parameters the links must keep (filters). */
  query?: Record<string, string | number | undefined>;
}

/**
 * Wraps one page of results in `{count, next, previous, last_page, results}`
 * with absolute links. A page past the end is 404; page 1 of an empty list is not.
 */
export function toPage<T>(
  results: T[],
  count: number,
  page: Page,
  base: LinkBase,
  defaultSize: number,
) {
  const lastPage = Math.max(1, Math.ceil(count / page.size));
  if (page.page > lastPage) throw new DomainError('not_found', 'That page does not exist.');

  const link = (n: number) => {
    const url = new URL(base.path, base.publicUrl);
    for (const [key, value] of Object.entries(base.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    url.searchParams.set('page', String(n));
    if (page.size !== defaultSize) url.searchParams.set('page_size', String(page.size));
    return url.toString();
  };

  return {
    count,
    next: page.page < lastPage ? link(page.page + 1) : null,
    previous: page.page > 1 ? link(page.page - 1) : null,
    last_page: link(lastPage),
    results,
  };
}
