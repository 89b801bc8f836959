import type { Operation, TRPCLink } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable, type Unsubscribable } from '@trpc/server/observable';
import type { TokenKeeper } from './tokens.ts';

/**
 * Retries a call once after refreshing the tokens, when it failed with
 * UNAUTHORIZED and a refresh token is known. Place it before the terminating
 * links, which read the access token from the same keeper.
 *
 * A subscription the server accepted may still end with UNAUTHORIZED later,
 * when its session ends; it is renewed the same way each time, since every
 * renewal starts with a fresh session.
 *
 * @example
 * createTRPCClient<AppRouter>({
 *   links: [refreshLink(keeper), httpBatchLink({ url, headers: bearerFrom(keeper) })],
 * });
 */
export function refreshLink<TRouter extends AnyRouter>(keeper: TokenKeeper): TRPCLink<TRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let current: Unsubscribable | undefined;
        let stopped = false;

        const attempt = (afterRefresh: boolean) => {
          let retried = afterRefresh;
          const sentWith = keeper.generation;
          current = next(op).subscribe({
            next: (envelope) => {
              if (envelope.result.type === 'started') retried = false;
              observer.next(envelope);
            },
            complete: () => observer.complete(),
            error: (error) => {
              if (retried || !mayRefresh(op, error, keeper)) return observer.error(error);

              renew(keeper, sentWith).then(
                () => stopped || attempt(true),
                () => observer.error(error),
              );
            },
          });
        };

        attempt(false);
        return () => {
          stopped = true;
          current?.unsubscribe();
        };
      });
}

/**
 * Whether a failed call is worth a refresh. Not the `auth.*` calls: they
 * carry no access token, and a wrong password must not spend the refresh
 * token.
 */
function mayRefresh(op: Operation, error: unknown, keeper: TokenKeeper): boolean {
  if (op.path.startsWith('auth.')) return false;
  const code = (error as { data?: { code?: string } | null }).data?.code;
  return code === 'UNAUTHORIZED' && keeper.refreshToken() !== undefined;
}

/** Refreshes, unless the tokens already changed since the call was sent. */
async function renew(keeper: TokenKeeper, sentWith: number): Promise<void> {
  if (keeper.generation !== sentWith) return;
  await keeper.refresh();
}
