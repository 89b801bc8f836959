/**
 * Seeds 100k members (with 300k follows and 200k connections) into a
 * throwaway PostgreSQL database and prints EXPLAIN ANALYZE of the follow
 * and connection recommendation queries, exactly as the procedures send them.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     pnpm --filter @career-nexus/server exec tsx bench/explain-recommendations.ts
 */
import { appRouter, createCallerFactory, silentLogger } from '@career-nexus/api';
import * as schema from '@career-nexus/db';
import { createTestDatabase } from '@career-nexus/db/testing';
import { drizzle } from 'drizzle-orm/postgres-js';
import { loadConfig } from '../src/config.ts';
import { createRuntime } from '../src/services.ts';
import { CONNECTIONS, FOLLOWS, MEMBERS, seedNetwork } from './network-seed.ts';

/** What this script uses of the postgres.js client under the handle. */
interface Sql {
  unsafe(query: string, params?: never[]): Promise<Record<string, unknown>[]>;
}

async function main() {
  if (!process.env.TEST_DATABASE_URL) throw new Error('Set TEST_DATABASE_URL to a PostgreSQL URL');
  const testDb = await createTestDatabase();
  const config = loadConfig({ DATA_DIR: '/tmp/career-nexus-explain', LOG_LEVEL: 'silent' });
  const runtime = await createRuntime(config, silentLogger, { database: testDb.handle });
  const client = (testDb.handle.db as unknown as { $client: Sql }).$client;
  try {
    console.log(`seeding ${MEMBERS} members, ${FOLLOWS} follows, ${CONNECTIONS} connections...`);
    const viewer = await seedNetwork(testDb.handle.db);

    // The same driver client, recording each statement with its parameters.
    const sent: { query: string; params: unknown[] }[] = [];
    const db = drizzle(client as never, {
      schema,
      casing: 'snake_case',
      logger: { logQuery: (query, params) => void sent.push({ query, params }) },
    }) as unknown as schema.Database;
    const caller = createCallerFactory(appRouter)({
      ...runtime.services,
      db,
      user: {
        id: viewer.id,
        email: '',
        userType: 'learner',
        industry: viewer.industry,
        isStaff: false,
      },
      sessionId: null,
      ip: '127.0.0.1',
    });
    const runs = {
      'follow recommendations': () => caller.network.followRecommendations({ page: 1 }),
      'connection recommendations by location': () =>
        caller.network.connection.recommend({ criteria: 'location' }),
      'connection recommendations by industry': () =>
        caller.network.connection.recommend({ criteria: 'industry' }),
    };
    for (const [name, run] of Object.entries(runs)) {
      sent.length = 0;
      const page = await run();
      console.log(`\n=== ${name}: viewer ${viewer.id}, ${page.count} results`);
      for (const { query, params } of sent) {
        const plan = await client.unsafe(`explain (analyze, buffers) ${query}`, params as never[]);
        console.log(`\n${query}\n`);
        console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
      }
    }
  } finally {
    await runtime.close();
    await testDb.drop();
  }
}

await main();
