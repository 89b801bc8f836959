import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { lockDataDir } from './data-dir-lock.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The query API both drivers share; domain code sees only this. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type NotificationHandler = (payload: string) => void;

export interface DatabaseHandle {
  db: Database;
  driver: 'postgres' | 'pglite';
  /** Applies pending migrations; safe to call from several instances at once. */
  migrate(): Promise<void>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** LISTEN on a channel; resolves to a function that stops listening. */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL; when absent, PGlite is used. */
  url?: string | undefined;
  /** Where PGlite keeps its files; absent means in memory. */
  dataDir?: string | undefined;
  /** Connections in the postgres.js pool. */
  poolSize?: number;
}

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

// An arbitrary constant that names our migration lock among advisory locks.
const MIGRATION_LOCK = 7_246_001;

const options = { schema, casing: 'snake_case' } as const;

export async function createDatabase(opts: DatabaseOptions = {}): Promise<DatabaseHandle> {
  return opts.url ? connectPostgres(opts.url, opts.poolSize ?? 10) : openPglite(opts.dataDir);
}

function connectPostgres(url: string, poolSize: number): DatabaseHandle {
  const client = postgres(url, { max: poolSize, onnotice: () => {} });
  const db = drizzlePostgres(client, options) as unknown as Database;

  return {
    db,
    driver: 'postgres',
    async migrate() {
      // Several instances may start together; one migrates while the rest wait.
      const lock = await client.reserve();
      try {
        await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(db as never, { migrationsFolder });
      } finally {
        await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`;
        lock.release();
      }
    },
    async ping() {
      await client`select 1`;
    },
    async listen(channel, handler) {
      const { unlisten } = await client.listen(channel, handler);
      return unlisten;
    },
    async notify(channel, payload) {
      await client.notify(channel, payload);
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const lock = dataDir ? lockDataDir(dataDir) : undefined;
  let client: PGlite;
  try {
    client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, options) as unknown as Database;

  return {
    db,
    driver: 'pglite',
    async migrate() {
      await migratePglite(db as never, { migrationsFolder });
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async listen(channel, handler) {
      return client.listen(channel, handler);
    },
    async notify(channel, payload) {
      await db.execute(sql`select pg_notify(${channel}, ${payload})`);
    },
    async close() {
      await client.close();
      lock?.release();
    },
  };
}
