import type { AppRouter } from '@career-nexus/api';
import {
  createTRPCClient,
  createTRPCUntypedClient,
  httpBatchLink,
  httpLink,
  splitLink,
  type TRPCClient,
  type TRPCFetch,
} from '@trpc/client';
import { refreshLink } from './refresh-link.ts';
import { isTokenPair, sessionLink } from './session-link.ts';
import { createSubscriptionLink, type WebSocketImplementation } from './subscription-link.ts';
import { createTokenKeeper, type TokenKeeperOptions, type TokenPair } from './tokens.ts';

/**
 * Options of {@link createClient}.
 *
 * @example
 * import WebSocket from 'ws';
 * const options: ClientOptions = {
 *   url: 'http://localhost:8000',
 *   token: saved.access,
 *   refreshToken: saved.refresh,
 *   onTokenRefresh: (pair) => save(pair),
 *   WebSocket,
 * };
 */
export interface ClientOptions extends Omit<TokenKeeperOptions, 'exchange'> {
  /**
   * The server's base URL, such as `http://localhost:8000`. Calls go to
   * `<url>/trpc` over HTTP and subscriptions to the same path over `ws:`
   * (or `wss:`).
   */
  url: string;
  /**
   * The WebSocket class for subscriptions; defaults to
   * `globalThis.WebSocket`. Node 20 has none: pass the `ws` package's.
   */
  WebSocket?: WebSocketImplementation;
  /** The `fetch` for HTTP calls; defaults to the global one. */
  fetch?: TRPCFetch;
}

/**
 * The typed client: every procedure of the API by its path, such as
 * `client.auth.signin.mutate(...)`, plus the two methods below. No domain
 * of the API may be named `close` or `setTokens`.
 *
 * @example
 * const client: CareerNexusClient = createClient({ url });
 * await client.auth.signin.mutate({ email, password });
 * await client.close();
 */
export type CareerNexusClient = TRPCClient<AppRouter> & {
  /** Ends the WebSocket client, if a subscription opened one. */
  close(): Promise<void>;
  /**
   * Replaces the tokens the client sends and refreshes with; a missing
   * field keeps its value, `null` forgets both (signed out).
   */
  setTokens(tokens: Partial<TokenPair> | null): void;
};

/**
 * Creates a typed client of the Career Nexus API: queries and mutations in
 * HTTP batches, subscriptions over a WebSocket, the access token sent as
 * `Authorization: Bearer` and as `connectionParams.token`. A call that fails
 * with UNAUTHORIZED while a refresh token is known is retried once after
 * `auth.refresh`, whose new pair goes to `onTokenRefresh`. Signing in
 * through the client stores the pair it answers.
 *
 * @example
 * import WebSocket from 'ws';
 * import { createClient } from '@career-nexus/sdk';
 *
 * const client = createClient({ url: 'http://localhost:8000', WebSocket });
 * await client.auth.signin.mutate({ email: 'ada@example.com', password: 'Secret123' });
 * const activity = client.dashboard.onActivity.subscribe(undefined, {
 *   onData: (event) => console.log(event.type, event.user_id),
 * });
 * // ... later
 * activity.unsubscribe();
 * await client.close();
 */
export function createClient(options: ClientOptions): CareerNexusClient {
  const base = options.url.replace(/\/+$/, '');
  const httpUrl = `${base}/trpc`;
  const wsUrl = `${base.replace(/^http/, 'ws')}/trpc`;

  // Refreshing goes through a client of its own: it sends no access token
  // and must not pass through the refresh link that waits for it.
  const plain = createTRPCUntypedClient<AppRouter>({
    links: [httpLink({ url: httpUrl, fetch: options.fetch })],
  });
  const keeper = createTokenKeeper({
    ...options,
    exchange: async (refresh) => {
      const pair = await plain.mutation('auth.refresh', { refresh });
      if (!isTokenPair(pair)) throw new Error('auth.refresh answered without a token pair.');
      return pair;
    },
  });

  const subscriptions = createSubscriptionLink({
    url: wsUrl,
    keeper,
    WebSocket: options.WebSocket,
  });
  const client = createTRPCClient<AppRouter>({
    links: [
      sessionLink(keeper),
      refreshLink(keeper),
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: subscriptions.link,
        false: httpBatchLink({
          url: httpUrl,
          fetch: options.fetch,
          maxURLLength: 4000,
          headers: async () => {
            const token = await keeper.access();
            return token ? { authorization: `Bearer ${token}` } : {};
          },
        }),
      }),
    ],
  });

  return withMethods(client, {
    close: () => subscriptions.close(),
    setTokens: (tokens) => keeper.set(tokens),
  });
}

type Methods = Pick<CareerNexusClient, 'close' | 'setTokens'>;

/**
 * The tRPC client is a proxy that reads every property as a procedure path,
 * so the methods are served by a proxy in front of it.
 */
function withMethods(client: TRPCClient<AppRouter>, methods: Methods): CareerNexusClient {
  return new Proxy(client, {
    get(target, key, receiver) {
      if (typeof key === 'string' && Object.hasOwn(methods, key)) {
        return methods[key as keyof Methods];
      }
      return Reflect.get(target, key, receiver);
    },
  }) as CareerNexusClient;
}
