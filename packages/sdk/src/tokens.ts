import { isTRPCClientError } from '@trpc/client';

type MaybePromise<T> = T | Promise<T>;

/**
 * An access token and the refresh token issued with it, as `auth.signin`,
 * `auth.verifyHash` and `auth.refresh` answer them.
 *
 * @example
 * const pair: TokenPair = await client.auth.refresh.mutate({ refresh });
 * localStorage.setItem('tokens', JSON.stringify(pair));
 */
export interface TokenPair {
  access: string;
  refresh: string;
}

/**
 * Where the tokens come from and where a refreshed pair goes.
 *
 * @example
 * const keeper = createTokenKeeper({ token, refreshToken, exchange });
 */
export interface TokenKeeperOptions {
  /** The access token to start with. */
  token?: string;
  /** The refresh token to start with. */
  refreshToken?: string;
  /**
   * Reads the access token before every call, in place of the one kept here.
   * Store the pair handed to `onTokenRefresh` where this reads it.
   */
  getToken?: () => MaybePromise<string | null | undefined>;
  /** Receives each pair `auth.refresh` answers, before the failed call is retried. */
  onTokenRefresh?: (pair: TokenPair) => MaybePromise<void>;
  /** Trades a refresh token for a new pair: the `auth.refresh` call. */
  exchange: (refresh: string) => Promise<TokenPair>;
}

/**
 * The client's tokens, and the one refresh that may be in flight.
 *
 * @example
 * const access = await keeper.access();
 * if (isExpired) await keeper.refresh();
 */
export interface TokenKeeper {
  /** The access token to send now, if any. */
  access(): Promise<string | undefined>;
  /** The refresh token known now, if any. */
  refreshToken(): string | undefined;
  /** Bumped whenever the tokens change, so a call can tell whether it sent stale ones. */
  readonly generation: number;
  /** Replaces the tokens; a missing field keeps its current value, `null` forgets both. */
  set(tokens: Partial<TokenPair> | null): void;
  /** Trades the refresh token for a new pair; callers that arrive meanwhile share it. */
  refresh(): Promise<TokenPair>;
}

/**
 * Makes the token keeper that the client's links share.
 *
 * @example
 * const keeper = createTokenKeeper({
 *   refreshToken: saved.refresh,
 *   exchange: (refresh) => untyped.mutation('auth.refresh', { refresh }),
 * });
 */
export function createTokenKeeper(options: TokenKeeperOptions): TokenKeeper {
  let access = options.token;
  let refreshToken = options.refreshToken;
  let generation = 0;
  let inflight: Promise<TokenPair> | null = null;

  function set(tokens: Partial<TokenPair> | null): void {
    access = tokens ? (tokens.access ?? access) : undefined;
    refreshToken = tokens ? (tokens.refresh ?? refreshToken) : undefined;
    generation += 1;
  }

  async function exchange(): Promise<TokenPair> {
    const presented = refreshToken;
    if (!presented) throw new Error('No refresh token is known to this client.');

    let pair: TokenPair;
    try {
      pair = await options.exchange(presented);
    } catch (error) {
      // The server refused this token: presenting it again would only fail
      // again (or, for a rotated token, look like theft), so forget it.
      if (isRefusal(error) && refreshToken === presented) refreshToken = undefined;
      throw error;
    }

    set(pair);
    await options.onTokenRefresh?.(pair);
    return pair;
  }

  return {
    async access() {
      if (options.getToken) return (await options.getToken()) ?? undefined;
      return access;
    },
    refreshToken: () => refreshToken,
    get generation() {
      return generation;
    },
    set,
    refresh() {
      // One refresh at a time: the server rotates refresh tokens, so a
      // second concurrent exchange would present a token already spent.
      inflight ??= exchange().finally(() => {
        inflight = null;
      });
      return inflight;
    },
  };
}

/** Whether the server answered and refused the refresh token. */
function isRefusal(error: unknown): boolean {
  if (!isTRPCClientError(error)) return false;
  const code = (error.data as { code?: string } | null | undefined)?.code;
  return code === 'UNAUTHORIZED' || code === 'BAD_REQUEST';
}
