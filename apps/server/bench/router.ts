import { DomainError, type Context, type Meta } from '@career-nexus/api';
import { profiles, users } from '@career-nexus/db';
import { initTRPC } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';

/**
 * Two operations measured through every door: one that does nothing, and
 * one that reads the signed-in member's row. Built like the API's own.
 */
const t = initTRPC.context<Context>().meta<Meta>().create();

const signedIn = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new DomainError('unauthenticated', 'Sign in to do this.');
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const pingOutput = z.object({ status: z.literal('ok') });
export const memberOutput = z.object({
  id: z.number().int(),
  email: z.string(),
  user_type: z.string(),
  first_name: z.string(),
  location: z.string(),
});

/** The signed-in read, shared by the procedure and the bare route. */
export async function readMember(ctx: Pick<Context, 'db'>, userId: number) {
  const [row] = await ctx.db
    .select({
      id: users.id,
      email: users.email,
      user_type: users.userType,
      first_name: profiles.firstName,
      location: profiles.location,
    })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw new DomainError('not_found', 'No such member.');
  return row;
}

const get = (path: `/${string}`, protect: boolean): Meta => ({
  status: 200,
  openapi: { method: 'GET', path, protect },
});

export const benchRouter = t.router({
  bench: t.router({
    ping: t.procedure
      .meta(get('/bench/ping/', false))
      .input(z.object({}))
      .output(pingOutput)
      .query(() => ({ status: 'ok' as const })),
    member: signedIn
      .meta(get('/bench/member/', true))
      .input(z.object({}))
      .output(memberOutput)
      .query(({ ctx }) => readMember(ctx, ctx.user.id)),
  }),
});
