import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  createAccessSessions,
  createDatabaseEvents,
  createDiskStorage,
  createOutboxMailer,
  createResendMailer,
  createS3Storage,
  systemClock,
  type Clock,
  type Logger,
  type Mailer,
  type Services,
  type Settings,
  type Storage,
} from '@career-nexus/api';
import { createDatabase, seedReferenceData, type DatabaseHandle } from '@career-nexus/db';
import type { Config } from './config.ts';

/** Everything the app runs on, and how to let go of it. */
export interface Runtime {
  services: Services;
  database: DatabaseHandle;
  /** The folder `/media/` serves, when files are kept on disk. */
  uploadsDir: string | undefined;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** An open database, left open on close; when absent one is opened from the configuration. */
  database?: DatabaseHandle;
  clock?: Clock;
}

/** Opens the database, migrates it, and builds every port from the configuration. */
export async function createRuntime(
  config: Config,
  log: Logger,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  const database = options.database ?? (await openDatabase(config));
  const ownsDatabase = !options.database;
  await database.migrate();
  await seedReferenceData(database.db);
  const events = await createDatabaseEvents(database, log);
  const uploadsDir = config.S3_BUCKET ? undefined : resolve(config.DATA_DIR, 'uploads');
  if (uploadsDir) await mkdir(uploadsDir, { recursive: true });

  const services: Services = {
    db: database.db,
    sessions: createAccessSessions(database.db, config.ACCESS_TTL),
    mail: createMailer(config, log),
    storage: createStorage(config, uploadsDir),
    events,
    clock: options.clock ?? systemClock,
    settings: settingsOf(config),
    log,
  };

  return {
    services,
    database,
    uploadsDir,
    async close() {
      await events.close();
      if (ownsDatabase) await database.close();
    },
  };
}

/** PostgreSQL when configured, else PGlite with its files under DATA_DIR. */
export function openDatabase(config: Config, poolSize?: number): Promise<DatabaseHandle> {
  const dataDir = config.DATABASE_URL ? undefined : resolve(config.DATA_DIR, 'pglite');
  return createDatabase({ url: config.DATABASE_URL, dataDir, ...(poolSize && { poolSize }) });
}

export function settingsOf(config: Config): Settings {
  const window = config.AUTH_LIMIT_WINDOW;
  return {
    publicUrl: config.PUBLIC_URL,
    appUrl: config.APP_URL,
    accessTtlSeconds: config.ACCESS_TTL,
    refreshTtlSeconds: config.REFRESH_TTL,
    rateLimits: {
      perEmail: { limit: config.AUTH_LIMIT_PER_EMAIL, windowSeconds: window },
      perIp: { limit: config.AUTH_LIMIT_PER_IP, windowSeconds: window },
    },
    sessionCheckMs: 30_000,
  };
}

function createMailer(config: Config, log: Logger): Mailer {
  if (config.RESEND_API_KEY) {
    return createResendMailer({
      apiKey: config.RESEND_API_KEY,
      from: config.MAIL_FROM,
      baseUrl: config.RESEND_BASE_URL,
    });
  }
  return createOutboxMailer(join(resolve(config.DATA_DIR), 'outbox'), config.MAIL_FROM, log);
}

function createStorage(config: Config, uploadsDir: string | undefined): Storage {
  if (uploadsDir) return createDiskStorage(uploadsDir, config.PUBLIC_URL);
  return createS3Storage({
    bucket: config.S3_BUCKET ?? '',
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    publicUrl: config.S3_PUBLIC_URL,
  });
}
