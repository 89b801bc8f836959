import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { appRouter } from '@career-nexus/api';
import type { AnyRouter } from '@trpc/server';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { assetsPlugin } from './plugins/assets.ts';
import { docsPlugin } from './plugins/docs.ts';
import { drainPlugin } from './plugins/drain.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { healthPlugin } from './plugins/health.ts';
import { mediaPlugin } from './plugins/media.ts';
import { restPlugin } from './plugins/rest.ts';
import { securityPlugin } from './plugins/security.ts';
import { trpcPlugin } from './plugins/trpc.ts';
import { websocketPlugin } from './plugins/websocket.ts';
import type { Runtime } from './services.ts';

export type AppConfig = Pick<
  Config,
  'PUBLIC_URL' | 'CORS_ORIGINS' | 'TRUST_PROXY' | 'UPLOAD_MAX_BYTES'
>;

export interface AppOptions {
  config: AppConfig;
  runtime: Pick<Runtime, 'services' | 'database' | 'uploadsDir'>;
  logger: FastifyBaseLogger;
  /** The router to serve; tests may pass their own. */
  router?: AnyRouter;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The caller's `x-request-id` when it cannot smuggle anything into logs, else a new one. */
function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The whole HTTP surface, ready to listen; it does not listen itself. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, runtime } = options;
  const router = options.router ?? appRouter;
  const app = Fastify({
    loggerInstance: options.logger,
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: false,
    genReqId: requestIdOf,
    // Idle keep-alive sockets would hold a graceful shutdown open.
    forceCloseConnections: 'idle',
    // A tRPC batch names every procedure in one path segment; the default
    // limit of 100 characters answers a batch of six calls with 414.
    routerOptions: { maxParamLength: 5000 },
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  registerErrorHandling(app);
  await app.register(drainPlugin);
  await app.register(securityPlugin, { corsOrigins: config.CORS_ORIGINS });
  await app.register(healthPlugin, { database: runtime.database });
  await app.register(websocketPlugin);
  await app.register(trpcPlugin, { router, services: runtime.services });
  await app.register(restPlugin, {
    router,
    services: runtime.services,
    maxFileBytes: config.UPLOAD_MAX_BYTES,
  });
  await app.register(docsPlugin, { router, publicUrl: config.PUBLIC_URL });
  await app.register(assetsPlugin);
  if (runtime.uploadsDir) await app.register(mediaPlugin, { root: runtime.uploadsDir });
  return app;
}
