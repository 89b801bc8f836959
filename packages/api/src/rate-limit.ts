import { rateLimits } from '@career-nexus/db';
import { sql } from 'drizzle-orm';
import type { Context, RateLimitRule } from './context.ts';
import { DomainError } from './errors.ts';

/**
 * Counts one attempt against `key` in the database, so that every server
 * instance shares the count, and refuses with 429 past the rule's limit.
 * The window is fixed: it starts at the first attempt and lasts its length.
 */
export async function consumeAttempt(
  ctx: Pick<Context, 'db' | 'clock'>,
  key: string,
  rule: RateLimitRule,
): Promise<void> {
  const now = ctx.clock.now();
  const windowOpen = new Date(now.getTime() - rule.windowSeconds * 1000);
  const expired = sql`${rateLimits.windowStart} <= ${windowOpen.toISOString()}::timestamptz`;

  const [row] = await ctx.db
    .insert(rateLimits)
    .values({ key, windowStart: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimits.hits} + 1 end`,
        windowStart: sql`case when ${expired} then excluded.window_start else ${rateLimits.windowStart} end`,
      },
    })
    .returning();

  if (row && row.hits > rule.limit) {
    const resetsAt = row.windowStart.getTime() + rule.windowSeconds * 1000;
    const retryAfter = Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000));
    throw new DomainError('rate_limited', 'Too many attempts. Try again later.', { retryAfter });
  }
}

/** One attempt per client address and, when known, per email, each under its own rule. */
export async function consumeAuthAttempt(
  ctx: Context,
  action: string,
  email: string | undefined,
): Promise<void> {
  const { perEmail, perIp } = ctx.settings.rateLimits;
  await consumeAttempt(ctx, `${action}:ip:${ctx.ip}`, perIp);
  if (email) await consumeAttempt(ctx, `${action}:email:${email}`, perEmail);
}
