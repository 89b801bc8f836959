import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@career-nexus/api';
import { createTestDatabase, type TestDatabase } from '@career-nexus/db/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createRuntime, type Runtime } from '../src/services.ts';

export interface BenchServer {
  app: FastifyInstance;
  runtime: Runtime;
  database: TestDatabase;
  /** `http://127.0.0.1:<port>` of the listening server. */
  base: string;
  close(): Promise<void>;
}

export interface BenchServerOptions {
  router?: AppOptions['router'];
  /** Adds routes of the benchmark's own before the server listens. */
  mount?: (app: FastifyInstance, runtime: Runtime) => void;
}

/**
 * A silent server on a random port over a throwaway database: PGlite in
 * memory, or PostgreSQL when BENCH_DATABASE_URL names one.
 */
export async function startBenchServer(options: BenchServerOptions = {}): Promise<BenchServer> {
  if (process.env.BENCH_DATABASE_URL)
    process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'career-nexus-bench-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const runtime = await createRuntime(config, silentLogger, { database: database.handle });
  const app = await buildApp({
    config,
    runtime,
    logger: createLogger('silent'),
    ...(options.router ? { router: options.router } : {}),
  });
  options.mount?.(app, runtime);
  await app.listen({ port: 0, host: '127.0.0.1' });

  return {
    app,
    runtime,
    database,
    base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`,
    async close() {
      await app.close();
      await runtime.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
