import type { TRPCLink } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { tap } from '@trpc/server/observable';
import type { TokenKeeper, TokenPair } from './tokens.ts';

/** The calls that answer with a fresh token pair on success. */
const signingIn = new Set(['auth.signin', 'auth.signup', 'auth.verifyHash', 'auth.refresh']);

/**
 * Keeps the client signed in as whoever signed in through it: a successful
 * `auth.signin`, `auth.signup` (OTP stage), `auth.verifyHash` or
 * `auth.refresh` stores the pair it answers, and `auth.signout` of the kept
 * refresh token forgets both tokens.
 *
 * @example
 * createTRPCClient<AppRouter>({ links: [sessionLink(keeper), httpBatchLink({ url })] });
 */
export function sessionLink<TRouter extends AnyRouter>(keeper: TokenKeeper): TRPCLink<TRouter> {
  return () =>
    ({ op, next }) => {
      if (signingIn.has(op.path)) {
        return next(op).pipe(
          tap({
            next: ({ result }) => {
              const data = 'data' in result ? result.data : undefined;
              if (isTokenPair(data)) keeper.set({ access: data.access, refresh: data.refresh });
            },
          }),
        );
      }

      if (op.path === 'auth.signout') {
        const signedOut = (op.input as { refresh?: unknown } | undefined)?.refresh;
        return next(op).pipe(
          tap({
            next: () => {
              if (signedOut === keeper.refreshToken()) keeper.set(null);
            },
          }),
        );
      }

      return next(op);
    };
}

/**
 * Whether a value holds an access and a refresh token.
 *
 * @example
 * if (isTokenPair(result)) keeper.set(result);
 */
export function isTokenPair(value: unknown): value is TokenPair {
  const pair = value as Partial<TokenPair> | null | undefined;
  return typeof pair?.access === 'string' && typeof pair.refresh === 'string';
}
