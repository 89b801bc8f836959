import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@career-nexus/db/testing';
import { createAccessSessions } from '../src/auth/sessions.ts';
import type { Context, Services, Settings } from '../src/context.ts';
import { silentLogger } from '../src/logger.ts';
import { createDatabaseEvents } from '../src/ports/events.ts';
import { createOutboxMailer } from '../src/ports/mail.ts';
import { createDiskStorage } from '../src/ports/storage.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { appRouter } from '../src/root.ts';

/** A clock that stands still until a test moves it. */
export function testClock(start = new Date('2026-01-05T09:00:00.000Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

export const testSettings: Settings = {
  publicUrl: 'http://api.test',
  appUrl: 'http://app.test',
  accessTtlSeconds: 6 * 3600,
  refreshTtlSeconds: 7 * 86400,
  rateLimits: {
    perEmail: { limit: 1000, windowSeconds: 900 },
    perIp: { limit: 1000, windowSeconds: 900 },
  },
  sessionCheckMs: 30_000,
};

export interface Harness {
  services: Services;
  clock: ReturnType<typeof testClock>;
  testDb: TestDatabase;
  /** A tRPC caller acting as the holder of `token` (or anonymously). */
  caller(token?: string, ip?: string): Promise<Caller>;
  /** Messages written to the outbox for an address, oldest first. */
  mailTo(address: string): Promise<Array<{ subject: string; text: string }>>;
  close(): Promise<void>;
}

export async function createHarness(settings: Partial<Settings> = {}): Promise<Harness> {
  const testDb = await createTestDatabase();
  const dir = await mkdtemp(join(tmpdir(), 'cn-api-'));
  const clock = testClock();
  const db = testDb.handle.db;
  const services: Services = {
    db,
    sessions: createAccessSessions(db, testSettings.accessTtlSeconds),
    mail: createOutboxMailer(join(dir, 'outbox'), 'Career Nexus <no-reply@test>', silentLogger),
    storage: createDiskStorage(join(dir, 'uploads'), testSettings.publicUrl),
    events: await createDatabaseEvents(testDb.handle, silentLogger),
    clock,
    settings: { ...testSettings, ...settings },
    log: silentLogger,
  };
  return {
    services,
    clock,
    testDb,
    async caller(token, ip = '127.0.0.1') {
      const session = token ? await services.sessions.validate(token) : null;
      const ctx: Context = {
        ...services,
        user: session?.user ?? null,
        sessionId: session?.sessionId ?? null,
        ip,
      };
      return createCaller(ctx);
    },
    async mailTo(address) {
      const outbox = join(dir, 'outbox');
      const files = (await readdir(outbox).catch(() => [])).sort();
      const messages = await Promise.all(
        files.map(async (f) => JSON.parse(await readFile(join(outbox, f), 'utf8'))),
      );
      return messages.filter((m) => m.to === address);
    },
    async close() {
      await services.events.close();
      await testDb.drop();
    },
  };
}

/** The OTP and link token of the newest message to an address. */
export async function lastCode(harness: Harness, address: string) {
  const messages = await harness.mailTo(address);
  const text = messages.at(-1)?.text ?? '';
  return {
    otp: /\b(\d{6})\b/.exec(text)?.[1] ?? '',
    linkToken: /\/(?:verify|reset-password)\/([\w-]+)/.exec(text)?.[1] ?? '',
  };
}

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

export const strongPassword = 'Sturdy-Pass1';
