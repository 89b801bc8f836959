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
  /** Ends every WebSocket client it opened. */
  close(): Promise<void>;
}

type WsClient = ReturnType<typeof createWSClient>;

/**
 * Sends subscriptions over a WebSocket, with the access token in
 * `connectionParams.token`. The socket is made on the first subscription,
 * so a client that only queries needs no WebSocket implementation.
 *
 * Connection parameters are sent once, when a socket opens, so once the
 * tokens change (a sign-in, a refresh) new subscriptions go to a new
 * socket. An older one stays while its own subscriptions last, then
 * closes: each socket closes when no subscription is left on it.
 *
 * @example
 * const subscriptions = createSubscriptionLink({ url, keeper, WebSocket });
 * createTRPCClient<AppRouter>({ links: [subscriptions.link] });
 */
export function createSubscriptionLink(options: SubscriptionLinkOptions): SubscriptionLink {
  const { keeper } = options;
  const clients = new Set<WsClient>();
  let current: { generation: number; operations: OperationLink<AppRouter> } | undefined;

  const open = (runtime: TRPCClientRuntime) => {
    const WebSocket = options.WebSocket ?? globalThis.WebSocket;
    if (!WebSocket) {
      throw new Error(
        'No WebSocket implementation: pass `WebSocket` (the `ws` package on Node 20).',
      );
    }
    for (const client of clients) if (isIdle(client)) clients.delete(client);
    const client = createWSClient({
      url: options.url,
      WebSocket: WebSocket as typeof globalThis.WebSocket,
      lazy: { enabled: true, closeMs: 0 },
      connectionParams: async () => {
        const token = await keeper.access();
        return token ? { token } : {};
      },
    });
    clients.add(client);
    return { generation: keeper.generation, operations: wsLink<AppRouter>({ client })(runtime) };
  };

  const link: TRPCLink<AppRouter> = (runtime) => (opts) => {
    try {
      if (current?.generation !== keeper.generation) current = open(runtime);
    } catch (error) {
      return observable((observer) => observer.error(TRPCClientError.from(error as Error)));
    }
    return current.operations(opts);
  };

  return {
    link,
    async close() {
      await Promise.all([...clients].map((client) => client.close()));
    },
  };
}

/** Whether a client has no socket left to close: never opened, or closed. */
function isIdle(client: WsClient): boolean {
  return client.connection === null || client.connection.state === 'closed';
}
