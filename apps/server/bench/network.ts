/**
 * Throughput of the network lists under load, through their documented REST
 * URLs, on a seeded network of 100k members, 300k follows and 200k
 * connections (see network-seed.ts).
 *
 *   pnpm bench:network              # PGlite in memory
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench:network
 *
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) tune a run.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@career-nexus/api';
import { createTestDatabase } from '@career-nexus/db/testing';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createRuntime } from '../src/services.ts';
import { load } from './load.ts';
import { CONNECTIONS, FOLLOWS, MEMBERS, seedNetwork } from './network-seed.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

const paths = [
  '/follow/recommendation/',
  '/connection/recommendation/?criteria=location',
  '/connection/recommendation/?criteria=industry',
  '/connection/',
  '/followers/',
];

async function main() {
  if (process.env.BENCH_DATABASE_URL)
    process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const testDb = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'career-nexus-bench-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const runtime = await createRuntime(config, silentLogger, { database: testDb.handle });
  const app = await buildApp({ config, runtime, logger: createLogger('silent') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  console.log(`seeding ${MEMBERS} members, ${FOLLOWS} follows, ${CONNECTIONS} connections...`);
  const viewer = await seedNetwork(testDb.handle.db);
  const { token } = await runtime.services.sessions.create(viewer.id, randomUUID());
  console.log(
    `driver ${testDb.handle.driver}, viewer ${viewer.id}, ${connections} connections, ${seconds} s a run\n`,
  );

  console.log('| list | req/s | p99 ms | errors |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const path of paths) {
    const result = await load(`${base}${path}`, {
      connections,
      seconds,
      authorization: `Bearer ${token}`,
    });
    console.log(`| \`GET ${path}\` | ${result.rps} | ${result.p99} | ${result.errors} |`);
  }

  await app.close();
  await runtime.close();
  await testDb.drop();
  await rm(dataDir, { recursive: true, force: true });
}

await main();
