import { ensureStaffAccount } from '@career-nexus/api';
import { DataDirInUseError } from '@career-nexus/db';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { createRuntime } from './services.ts';

const SHUTDOWN_TIMEOUT_MS = 15_000;

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const runtime = await createRuntime(config, logger);
  await ensureStaff(config, runtime.services.db, logger);
  const app = await buildApp({ config, runtime, logger });

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A request or socket that never ends must not keep a stopped server alive.
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    // Fastify stops accepting, closes WebSockets with 1012 and lets requests
    // in flight finish; only then may the database go.
    await app.close();
    await runtime.close();
    logger.info('stopped');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  await app.listen({ port: config.PORT, host: config.HOST });
  logger.info({ database: runtime.database.driver, url: config.PUBLIC_URL }, 'ready');
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

async function ensureStaff(
  config: Config,
  db: Parameters<typeof ensureStaffAccount>[0],
  logger: ReturnType<typeof createLogger>,
): Promise<void> {
  if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD) return;
  const staff = await ensureStaffAccount(db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  logger.info({ userId: staff.id, created: staff.created }, 'staff account ensured');
}

main().catch((error: unknown) => {
  // A data directory in use is the operator's to resolve: its message says how.
  const shown = error instanceof DataDirInUseError ? error.message : describe(error);
  process.stderr.write(`Could not start: ${shown}\n`);
  process.exit(1);
});

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
