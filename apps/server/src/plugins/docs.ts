import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { AnyRouter } from '@trpc/server';
import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from '../http/openapi.ts';

export interface DocsOptions {
  router: AnyRouter;
  publicUrl: string;
}

/**
 * `/openapi.json`, built once from the router, and `/docs`, a page to try
 * it, whose assets are served from this server.
 */
export async function docsPlugin(app: FastifyInstance, options: DocsOptions): Promise<void> {
  const document = buildOpenApiDocument(options.router, {
    title: 'Career Nexus API',
    version: '1.0.0',
    baseUrl: options.publicUrl,
  });
  const body = JSON.stringify(document);

  app.get('/openapi.json', (_request, reply) => {
    reply.type('application/json').send(body);
  });
  // The two packages type OpenAPI 3.1 with different libraries; the object is the same.
  const specification = { document: document as never };
  await app.register(fastifySwagger, { mode: 'static', specification });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    // The page must not call out to a validator service on every load.
    uiConfig: { validatorUrl: null, persistAuthorization: true, layout: 'BaseLayout' },
  });
}
