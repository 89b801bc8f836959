import { initTRPC } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { ZodError, type z } from 'zod';
import type { Context } from './context.ts';
import { appCodeOf, DomainError } from './errors.ts';

/**
 * Procedure metadata: the documented REST route (`openapi`) and the status
 * code the route answers with on success, which OpenAPI meta cannot carry.
 */
export type Meta = OpenApiMeta<{ status?: number }>;

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const issues = error.cause instanceof ZodError ? error.cause.issues : undefined;
      // Stack traces never leave the server, whatever NODE_ENV says.
      const { stack, ...data } = shape.data;
      return {
        ...shape,
        message: issues ? 'Some fields are invalid.' : shape.message,
        data: {
          ...data,
          appCode: issues ? 'validation_failed' : appCodeOf(error),
          retryAfter: error instanceof DomainError ? error.retryAfter : undefined,
          fields: issues ? fieldErrors(issues) : undefined,
        },
      };
    },
  });

/** `{ "password1": ["Too short"] }`, keyed by the wire field name. */
export function fieldErrors(issues: z.core.$ZodIssue[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.join('.') || '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

export const publicProcedure = t.procedure;

export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new DomainError('unauthenticated', 'Sign in to do this.');
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const staffProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.user.isStaff) throw new DomainError('forbidden', 'Only staff may do this.');
  return next({ ctx });
});
