import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { describe, expect, it } from 'vitest';
import { appCodeOf, DomainError, errorTable, statusOf, type ErrorCode } from '../src/errors.ts';

describe('error table', () => {
  it.each(Object.keys(errorTable) as ErrorCode[])(
    'gives %s the same HTTP status over tRPC as over REST',
    (code) => {
      const error = new DomainError(code, 'message');

      expect(getHTTPStatusCodeFromError(error)).toBe(statusOf(code));
      expect(appCodeOf(error)).toBe(code);
    },
  );

  it('names plain tRPC errors by their kind', () => {
    expect(appCodeOf(new TRPCError({ code: 'NOT_FOUND' }))).toBe('not_found');
    expect(appCodeOf(new TRPCError({ code: 'UNAUTHORIZED' }))).toBe('unauthenticated');
    expect(appCodeOf(new TRPCError({ code: 'INTERNAL_SERVER_ERROR' }))).toBe('internal');
  });

  it('carries the retry delay of a rate-limit refusal', () => {
    const error = new DomainError('rate_limited', 'slow down', { retryAfter: 30 });

    expect(error.retryAfter).toBe(30);
    expect(statusOf(error.appCode)).toBe(429);
  });
});
