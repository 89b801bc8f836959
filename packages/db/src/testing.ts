import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { createDatabase, type Database, type DatabaseHandle } from './client.ts';
import * as schema from './schema/index.ts';
import { seedReferenceData } from './seed.ts';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The PostgreSQL URL of this throwaway database, or undefined on PGlite. */
  url: string | undefined;
  /** Opens another handle on the same database (a second server instance). */
  connect(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

/**
 * A migrated database that belongs to one test file. With TEST_DATABASE_URL
 * set, a fresh PostgreSQL database is created beside it and dropped after;
 * otherwise an in-memory PGlite is used.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return inMemory();

  const name = `cn_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = withDatabase(adminUrl, name);
  const handle = await createDatabase({ url, poolSize: 5 });
  await handle.migrate();
  await seedReferenceData(handle.db);

  return {
    handle,
    url,
    connect: () => createDatabase({ url, poolSize: 5 }),
    async drop() {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

async function inMemory(): Promise<TestDatabase> {
  const handle = await createDatabase();
  await handle.migrate();
  await seedReferenceData(handle.db);
  return {
    handle,
    url: undefined,
    connect: () => {
      throw new Error('A second connection needs PostgreSQL: set TEST_DATABASE_URL');
    },
    drop: () => handle.close(),
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A second Drizzle instance on the same driver client as `handle`, which
 * records every statement it sends: for tests that count round trips.
 */
export function loggingDatabase(handle: DatabaseHandle): { db: Database; statements: string[] } {
  const statements: string[] = [];
  const client = (handle.db as unknown as { $client: never }).$client;
  const config = {
    schema,
    casing: 'snake_case' as const,
    logger: { logQuery: (query: string) => void statements.push(query) },
  };
  const db =
    handle.driver === 'pglite' ? drizzlePglite(client, config) : drizzlePostgres(client, config);
  return { db: db as unknown as Database, statements };
}
