import {
  createWSClient,
  TRPCClientError,
  wsLink,
  type OperationLink,
  type TRPCClientRuntime,
  type TRPCLink,
} from '@trpc/client';
import type { AppRouter } from '@career-nexus/api';
import { observable } from '@trpc/server/observable';
import type { TokenKeeper } from './tokens.ts';

/**
 * A WebSocket class: the browser's, Node 22's global one, or the `ws`
 * package's default export on Node 20.
 *
 * @example
 * import WebSocket from 'ws';
 * const impl: WebSocketImplementation = WebSocket;
 */
export type WebSocketImplementation = abstract new (
  url: string | URL,
  protocols?: string | string[],
) => object;

/**
 * How the subscription link reaches the server.
 *
 * @example
 * const options: SubscriptionLinkOptions = { url: 'ws://localhost:8000/trpc', keeper };
 */
export interface SubscriptionLinkOptions {
  /** The WebSocket URL of the tRPC endpoint. */
  url: string;
  keeper: TokenKeeper;
  /** Defaults to `globalThis.WebSocket`. */
  WebSocket?: WebSocketImplementation;
}

/**
 * A terminating link for subscriptions, and the way to close its socket.
 *
 * @example
 * const subscriptions = createSubscriptionLink({ url, keeper, WebSocket });
 * // ... later
 * await subscriptions.close();
 */
export interface SubscriptionLink {
  link: TRPCLink<AppRouter>;
  /** Ends the WebSocket client, if one was opened. */
  close(): Promise<void>;
}

/**
 * Sends subscriptions over one WebSocket, with the access token in
 * `connectionParams.token`. The socket is made on the first subscription,
 * so a client that only queries needs no WebSocket implementation, and it
 * closes when no subscription is left, so the next one opens with the
 * token in force by then.
 *
 * @example
 * const subscriptions = createSubscriptionLink({ url, keeper, WebSocket });
 * createTRPCClient<AppRouter>({ links: [subscriptions.link] });
 */
export function createSubscriptionLink(options: SubscriptionLinkOptions): SubscriptionLink {
  let client: ReturnType<typeof createWSClient> | undefined;
  let operations: OperationLink<AppRouter> | undefined;

  const open = (runtime: TRPCClientRuntime): OperationLink<AppRouter> => {
    const WebSocket = options.WebSocket ?? globalThis.WebSocket;
    if (!WebSocket) {
      throw new Error(
        'No WebSocket implementation: pass `WebSocket` (the `ws` package on Node 20).',
      );
    }
    client = createWSClient({
      url: options.url,
      WebSocket: WebSocket as typeof globalThis.WebSocket,
      lazy: { enabled: true, closeMs: 0 },
      connectionParams: async () => {
        const token = await options.keeper.access();
        return token ? { token } : {};
      },
    });
    return wsLink<AppRouter>({ client })(runtime);
  };

  const link: TRPCLink<AppRouter> = (runtime) => (opts) => {
    try {
      operations ??= open(runtime);
    } catch (error) {
      return observable((observer) => observer.error(TRPCClientError.from(error as Error)));
    }
    return operations(opts);
  };

  return {
    link,
    async close() {
      await client?.close();
    },
  };
}
