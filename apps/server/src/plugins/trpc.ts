import type { IncomingMessage } from 'node:http';
import { createContext, type Services } from '@career-nexus/api';
import type { AnyRouter } from '@trpc/server';
import {
  fastifyTRPCPlugin,
  type CreateFastifyContextOptions,
  type FastifyTRPCPluginOptions,
} from '@trpc/server/adapters/fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestContext } from '../http/context.ts';

export interface TrpcOptions {
  router: AnyRouter;
  services: Services;
}

/**
 * tRPC over HTTP at `/trpc` and over WebSocket at the same URL. Needs
 * @fastify/websocket registered before it.
 */
export async function trpcPlugin(app: FastifyInstance, options: TrpcOptions): Promise<void> {
  const { services } = options;
  const pluginOptions: FastifyTRPCPluginOptions<AnyRouter> = {
    prefix: '/trpc',
    useWSS: true,
    trpcOptions: {
      router: options.router,
      createContext: (opts: CreateFastifyContextOptions) => contextOf(services, opts),
      keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 },
      onError({ error, path, req }) {
        const log = 'log' in req ? (req as FastifyRequest).log : services.log;
        if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error, path }, 'procedure failed');
        else log.info({ code: error.code, path }, 'procedure refused');
      },
    },
  };
  await app.register(fastifyTRPCPlugin, pluginOptions);
}

function contextOf(services: Services, { req, res, info }: CreateFastifyContextOptions) {
  if ('raw' in req) return requestContext(services, req, res);

  // A WebSocket connection: the token travels in the connection parameters,
  // never in the URL, where proxies and access logs would keep it.
  const socket = req as IncomingMessage;
  const token = info.connectionParams?.token;
  return createContext(services, {
    token: typeof token === 'string' ? token : undefined,
    ip: socket.socket.remoteAddress ?? '',
  });
}
