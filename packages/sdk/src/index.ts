import type { AppRouter } from '@career-nexus/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

export {
  /**
   * Creates the typed client; see {@link ClientOptions}.
   *
   * @example
   * const client = createClient({ url: 'http://localhost:8000', token });
   * const me = await client.profile.updateIndustry.mutate({ industry: 'health' });
   */
  createClient,
  /**
   * The options of `createClient`.
   *
   * @example
   * const options: ClientOptions = { url, refreshToken, onTokenRefresh: save };
   */
  type ClientOptions,
  /**
   * The client `createClient` returns.
   *
   * @example
   * let client: CareerNexusClient | undefined;
   * client = createClient({ url });
   */
  type CareerNexusClient,
} from './client.ts';

export {
  /**
   * An access token and its refresh token.
   *
   * @example
   * const onTokenRefresh = (pair: TokenPair) => save(pair.access, pair.refresh);
   */
  type TokenPair,
} from './tokens.ts';

export {
  /**
   * A WebSocket class for subscriptions (the `ws` package's on Node 20).
   *
   * @example
   * import WebSocket from 'ws';
   * const client = createClient({ url, WebSocket: WebSocket satisfies WebSocketImplementation });
   */
  type WebSocketImplementation,
} from './subscription-link.ts';

export {
  /**
   * Whether an error came from a tRPC call; its `data.code` is the tRPC
   * code (`UNAUTHORIZED`, `CONFLICT`, ...) and `data.appCode` our stable code.
   *
   * @example
   * try {
   *   await client.auth.signin.mutate({ email, password });
   * } catch (error) {
   *   if (isTRPCClientError(error) && error.data?.code === 'UNAUTHORIZED') showWrongPassword();
   * }
   */
  isTRPCClientError,
  /**
   * The error class every failed call rejects with.
   *
   * @example
   * if (error instanceof TRPCClientError) console.warn(error.message);
   */
  TRPCClientError,
} from '@trpc/client';

/**
 * The API's router type, for typing your own links or helpers.
 *
 * @example
 * import type { AppRouter } from '@career-nexus/sdk';
 * const client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url })] });
 */
export type { AppRouter };

/**
 * The input of every procedure, by path.
 *
 * @example
 * type SigninInput = RouterInputs['auth']['signin'];
 * const input: SigninInput = { email: 'ada@example.com', password: 'Secret123' };
 */
export type RouterInputs = inferRouterInputs<AppRouter>;

/**
 * The output of every procedure, by path. A subscription's output is the
 * stream itself: see {@link SubscriptionEvent} for one of its events.
 *
 * @example
 * type Signin = RouterOutputs['auth']['signin'];
 * function greet(result: Signin) {
 *   return `Signed in as ${result.user} (${result.user_type})`;
 * }
 */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/**
 * One event of a subscription's stream, such as what `onData` receives.
 *
 * @example
 * type Activity = SubscriptionEvent<RouterOutputs['dashboard']['onActivity']>;
 * function show(event: Activity) {
 *   return `${event.type} by user ${event.user_id} at ${event.at}`;
 * }
 */
export type SubscriptionEvent<TStream> =
  TStream extends AsyncIterable<infer TEvent> ? TEvent : never;
