import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDiskStorage, type RateLimitRule, type Services } from '@career-nexus/api';
import type { DatabaseHandle } from '@career-nexus/db';
import { createTestDatabase, type TestDatabase } from '@career-nexus/db/testing';
import type { AnyRouter } from '@trpc/server';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createRuntime, type Runtime } from '../src/services.ts';

/** A clock the tests move: it starts at the real time and only moves when told. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
  set(date: Date): void;
}

export function createTestClock(start = new Date()): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => void (current += ms),
    set: (date) => void (current = date.getTime()),
  };
}

export interface SentMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  sent_at: string;
}

export interface TestServerOptions {
  /** Replace the generous test limits, for rate-limit tests. */
  rateLimits?: { perEmail?: RateLimitRule; perIp?: RateLimitRule };
  /** Serve this router instead of the app's. */
  router?: AnyRouter;
  /** Environment values on top of the test defaults, as the server would read them. */
  env?: Record<string, string>;
  /** Log at info to this stream instead of not at all. */
  logTo?: DestinationStream;
  /** Run as a second instance on the same database as this server (PostgreSQL only). */
  sameDatabaseAs?: TestServer;
  /** How often running subscriptions check their session, in place of every 30 s. */
  sessionCheckMs?: number;
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  services: Services;
  runtime: Runtime;
  clock: TestClock;
  testDatabase: TestDatabase;
  dataDir: string;
  /** The messages sent to an address so far, oldest first. */
  mailTo(address: string): Promise<SentMail[]>;
  close(): Promise<void>;
}

const GENEROUS: RateLimitRule = { limit: 10_000, windowSeconds: 60 };

/** A real server on port 0 against a throwaway database, as a client would see it. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'career-nexus-'));
  const shared = options.sameDatabaseAs;
  const testDatabase = shared?.testDatabase ?? (await createTestDatabase());
  const database: DatabaseHandle = shared ? await testDatabase.connect() : testDatabase.handle;

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...options.env });
  const logger = options.logTo
    ? createLogger('info', options.logTo)
    : createLogger(config.LOG_LEVEL);
  const clock = createTestClock();
  const runtime = await createRuntime(config, logger, { database, clock });
  runtime.services.settings.rateLimits = {
    perEmail: options.rateLimits?.perEmail ?? GENEROUS,
    perIp: options.rateLimits?.perIp ?? GENEROUS,
  };
  if (options.sessionCheckMs) runtime.services.settings.sessionCheckMs = options.sessionCheckMs;

  const app = await buildApp({ config, runtime, logger, router: options.router });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = listeningUrl(app);
  pointLinksAt(runtime, url);

  return {
    url,
    app,
    services: runtime.services,
    runtime,
    clock,
    testDatabase,
    dataDir,
    mailTo: (address) => readOutbox(join(dataDir, 'outbox'), address),
    async close() {
      await app.close();
      await runtime.close();
      if (shared) await database.close();
      else await testDatabase.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function listeningUrl(app: FastifyInstance): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('The server is not on TCP');
  return `http://127.0.0.1:${address.port}`;
}

/** The port is known only once listening; links and file URLs must use it. */
function pointLinksAt(runtime: Runtime, url: string): void {
  runtime.services.settings.publicUrl = url;
  if (runtime.uploadsDir) runtime.services.storage = createDiskStorage(runtime.uploadsDir, url);
}

async function readOutbox(dir: string, address: string): Promise<SentMail[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const mails = await Promise.all(
    names
      .filter((name) => name.endsWith('.json'))
      .map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as SentMail),
  );
  return mails
    .filter((mail) => mail.to === address)
    .sort((a, b) => a.sent_at.localeCompare(b.sent_at));
}
