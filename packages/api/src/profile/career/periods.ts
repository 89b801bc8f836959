import { ZodRealError } from 'zod';
import { DomainError } from '../../errors.ts';

/**
 * Refuses a period that ends before it starts. Checked on the stored row
 * merged with the change, since an update may send only one of the dates.
 * A ZodError cause makes both doors answer like any field error: 400
 * `validation_failed` naming `end_date`. (`ZodRealError` is the one that is
 * an `Error`, which tRPC needs to keep it as the cause.)
 */
export function assertPeriod(startDate: string, endDate: string | null): void {
  if (endDate === null || startDate <= endDate) return;

  const message = 'The end date is before the start date.';
  const issue = { code: 'custom' as const, path: ['end_date'], message, input: endDate };
  throw new DomainError('validation_failed', message, { cause: new ZodRealError([issue]) });
}
