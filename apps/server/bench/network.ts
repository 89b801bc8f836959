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
import { load } from './load.ts';
import { CONNECTIONS, FOLLOWS, MEMBERS, seedNetwork } from './network-seed.ts';
import { startBenchServer } from './server.ts';

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
  const server = await startBenchServer();
  const { runtime, database, base } = server;

  console.log(`seeding ${MEMBERS} members, ${FOLLOWS} follows, ${CONNECTIONS} connections...`);
  const viewer = await seedNetwork(database.handle.db);
  const { token } = await runtime.services.sessions.create(viewer.id, randomUUID());
  console.log(
    `driver ${database.handle.driver}, viewer ${viewer.id}, ${connections} connections, ${seconds} s a run\n`,
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

  await server.close();
}

await main();
