import { appRouter } from '@career-nexus/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { operationsOf } from '../src/http/operations.ts';
import { doorRouter } from './fixtures/door-router.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Document = {
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<string, { content?: Record<string, unknown> }>;
        security?: unknown[];
        requestBody?: {
          content: Record<string, { schema: { properties: Record<string, unknown> } }>;
        };
      }
    >
  >;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
};

describe('health', () => {
  it('answers /healthz with 200 while the process is up', async () => {
    const response = await fetch(`${server.url}/healthz`);

    expect(response.status).toBe(200);
  });

  it('answers /readyz with 200 when the database answers', async () => {
    const response = await fetch(`${server.url}/readyz`);

    expect(response.status).toBe(200);
  });

  it('answers /readyz with 503 when the database does not answer', async () => {
    const runtime = {
      ...server.runtime,
      database: {
        ...server.runtime.database,
        ping: () => Promise.reject(new Error('connection refused')),
      },
    };
    const app = await buildApp({ config: loadConfig({}), runtime, logger: createLogger('silent') });

    const response = await app.inject({ method: 'GET', url: '/readyz' });
    await app.close();

    expect(response.statusCode).toBe(503);
  });
});

describe('/openapi.json', () => {
  it('lists every documented operation at its documented path with its documented status', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as Document;

    for (const operation of operationsOf(appRouter)) {
      const entry = document.paths[operation.path]?.[operation.method.toLowerCase()];
      expect(entry, `${operation.method} ${operation.path}`).toBeDefined();
      expect(Object.keys(entry!.responses)).toContain(String(operation.status));
    }
    expect(operationsOf(appRouter).length).toBeGreaterThan(0);
    expect(Object.keys(document.paths).every((path) => path.endsWith('/'))).toBe(true);
  });

  it('declares bearer auth and the error body on protected operations', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as Document;

    const patch = document.paths['/user/profile-update/']!.patch!;

    expect(document.components.securitySchemes).toEqual({
      bearerAuth: { type: 'http', scheme: 'bearer' },
    });
    expect(patch.security).toEqual([{ bearerAuth: [] }]);
    expect(patch.responses['206']).toBeDefined();
    expect(patch.responses['401']!.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/Error' } },
    });
    expect(document.components.schemas).toHaveProperty('Error');
  });

  it('documents multipart bodies with binary file parts and 204 replies without content', async () => {
    const app = await buildApp({
      config: loadConfig({}),
      runtime: server.runtime,
      logger: createLogger('silent'),
      router: doorRouter,
    });

    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as Document;
    await app.close();

    const create = document.paths['/notes/']!.post!;
    const multipart = create.requestBody!.content['multipart/form-data']!.schema;
    expect(multipart.properties.attachment).toEqual({ type: 'string', format: 'binary' });
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '413', '415']));
    expect(document.paths['/notes/']!.delete!.responses['204']).toEqual({
      description: 'No content',
    });
  });
});

describe('/docs', () => {
  it('answers with an HTML page', async () => {
    const response = await fetch(`${server.url}/docs`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('swagger');
  });
});
