import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/errors.ts';
import { pageOf, toPage } from '../src/pagination.ts';

const base = { publicUrl: 'http://api.test', path: '/post/' };

describe('pagination', () => {
  it('links the neighbours and the last page with absolute URLs', () => {
    const page = pageOf({ page: 2 }, 3);

    const result = toPage(['d', 'e', 'f'], 8, page, base, 3);

    expect(result).toEqual({
      count: 8,
      next: 'http://api.test/post/?page=3',
      previous: 'http://api.test/post/?page=1',
      last_page: 'http://api.test/post/?page=3',
      results: ['d', 'e', 'f'],
    });
  });

  it('keeps a chosen page size and filters in the links', () => {
    const page = pageOf({ page: 1, page_size: 2 }, 3);

    const result = toPage(['a', 'b'], 3, page, { ...base, query: { criteria: 'location' } }, 3);

    expect(result.next).toBe('http://api.test/post/?criteria=location&page=2&page_size=2');
    expect(result.previous).toBeNull();
  });

  it('answers page 1 of an empty list with no links to neighbours', () => {
    const result = toPage([], 0, pageOf({ page: 1 }, 5), base, 5);

    expect(result).toMatchObject({ count: 0, next: null, previous: null, results: [] });
  });

  it('refuses a page past the end with not_found', () => {
    expect(() => toPage([], 4, pageOf({ page: 3 }, 3), base, 3)).toThrow(DomainError);
  });
});
