import type { Context } from './context.ts';
import { DomainError } from './errors.ts';

type Subscriber = Pick<Context, 'sessions' | 'sessionId' | 'settings' | 'log'>;

function sessionEnded() {
  return new DomainError('unauthenticated', 'Your session has ended. Sign in again.');
}

/**
 * What `open` yields, for as long as the subscriber's session lasts.
 *
 * A WebSocket's context is made once, when it connects, so without this a
 * session that ends later (signed out, revoked, expired) would keep its
 * subscriptions streaming. The session is checked when the subscription
 * starts and every `settings.sessionCheckMs`; once it has ended, the
 * subscription ends with UNAUTHORIZED, which the SDK answers by refreshing
 * and subscribing again on a new connection.
 */
export async function* whileSignedIn<T>(
  ctx: Subscriber,
  signal: AbortSignal | undefined,
  open: (signal: AbortSignal) => AsyncIterable<T>,
): AsyncGenerator<T> {
  const hasEnded = async () => !ctx.sessionId || !(await ctx.sessions.isLive(ctx.sessionId));
  if (await hasEnded()) throw sessionEnded();

  const stop = new AbortController();
  let ended = false;
  const timer = setInterval(() => {
    hasEnded().then(
      (yes) => {
        if (!yes) return;
        ended = true;
        stop.abort();
      },
      (error: unknown) => ctx.log.warn({ err: error }, 'could not check a subscriber session'),
    );
  }, ctx.settings.sessionCheckMs);
  try {
    yield* open(signal ? AbortSignal.any([signal, stop.signal]) : stop.signal);
  } finally {
    clearInterval(timer);
  }

  if (ended) throw sessionEnded();
}
