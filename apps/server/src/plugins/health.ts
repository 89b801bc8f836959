import type { DatabaseHandle } from '@career-nexus/db';
import type { FastifyInstance } from 'fastify';

export interface HealthOptions {
  database: Pick<DatabaseHandle, 'ping'>;
}

/** `/healthz`: the process answers. `/readyz`: and so does its database. */
export async function healthPlugin(app: FastifyInstance, options: HealthOptions): Promise<void> {
  app.get('/healthz', () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    try {
      await options.database.ping();
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'database did not answer the readiness ping');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
}
