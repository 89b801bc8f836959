import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface SecurityOptions {
  /** Origins allowed to call from a browser; `*` allows any; empty means same origin only. */
  corsOrigins: string[];
}

/** Security headers everywhere, and CORS for the configured origins only. */
export const securityPlugin = fp(async (app: FastifyInstance, options: SecurityOptions) => {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        // Plain-HTTP deployments must still load the docs page's own assets.
        upgradeInsecureRequests: null,
      },
    },
  });
  if (options.corsOrigins.length === 0) return;

  await app.register(fastifyCors, {
    origin: options.corsOrigins.includes('*') ? true : options.corsOrigins,
    exposedHeaders: ['retry-after', 'x-request-id'],
    maxAge: 600,
  });
});
