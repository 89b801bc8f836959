import { resolve } from 'node:path';
import { z } from 'zod';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** Unset and empty are the same: `FOO=` in a shell or an env file means "no value". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const text = optional(z.string().trim().min(1));
const url = optional(z.url({ protocol: /^https?$/ }));
const positiveInt = (fallback: number) =>
  optional(z.coerce.number().int().positive()).transform((value) => value ?? fallback);
const flag = (fallback: boolean) =>
  optional(z.enum(['true', 'false', '1', '0'])).transform((value) =>
    value === undefined ? fallback : value === 'true' || value === '1',
  );

type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);

/** `true`/`false`, a hop count, or a comma-separated list of trusted addresses. */
const trustProxy = optional(z.string().trim()).transform((value): TrustProxy => {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (!/^\d+$/.test(value)) return value;
  const hops = Number(value);
  return (_address, hop) => hop < hops;
});

const origins = optional(z.string()).transform((value) =>
  (value ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean),
);

const env = z.object({
  PORT: positiveInt(8000).pipe(z.number().max(65535)),
  HOST: text.transform((value) => value ?? '0.0.0.0'),
  DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/ })),
  DATA_DIR: text.transform((value) => value ?? './.data'),
  PUBLIC_URL: url,
  APP_URL: url,
  RESEND_API_KEY: text,
  RESEND_BASE_URL: url,
  MAIL_FROM: text.transform((value) => value ?? 'Career Nexus <no-reply@careernexus.local>'),
  S3_BUCKET: text,
  S3_ENDPOINT: url,
  S3_REGION: text.transform((value) => value ?? 'us-east-1'),
  S3_ACCESS_KEY_ID: text,
  S3_SECRET_ACCESS_KEY: text,
  S3_FORCE_PATH_STYLE: flag(false),
  S3_PUBLIC_URL: url,
  ADMIN_EMAIL: optional(z.email()),
  ADMIN_PASSWORD: text,
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  CORS_ORIGINS: origins,
  ACCESS_TTL: positiveInt(6 * HOUR),
  REFRESH_TTL: positiveInt(7 * DAY),
  TRUST_PROXY: trustProxy,
  AUTH_LIMIT_PER_EMAIL: positiveInt(10),
  AUTH_LIMIT_PER_IP: positiveInt(50),
  AUTH_LIMIT_WINDOW: positiveInt(15 * 60),
  UPLOAD_MAX_BYTES: positiveInt(50 * 1024 * 1024),
  NODE_ENV: optional(z.string()),
});

export type Env = z.output<typeof env>;

export interface Config extends Omit<Env, 'PUBLIC_URL' | 'APP_URL' | 'LOG_LEVEL'> {
  PUBLIC_URL: string;
  APP_URL: string;
  LOG_LEVEL: NonNullable<Env['LOG_LEVEL']>;
}

/** A start-up refusal whose message names every variable that is wrong. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration once; a wrong value stops the start. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = env.safeParse(source);
  if (!parsed.success) throw new ConfigError(describe(parsed.error));

  const values = parsed.data;
  if (values.ADMIN_EMAIL && !values.ADMIN_PASSWORD) {
    throw new ConfigError('ADMIN_PASSWORD: required when ADMIN_EMAIL is set');
  }
  const publicUrl = trimSlash(values.PUBLIC_URL ?? `http://localhost:${values.PORT}`);
  return {
    ...values,
    // pnpm runs scripts inside the package, but a relative folder means the
    // one the command was typed in: `pnpm start` at the root keeps `./.data` there.
    DATA_DIR: resolve(source.INIT_CWD ?? process.cwd(), values.DATA_DIR),
    PUBLIC_URL: publicUrl,
    APP_URL: trimSlash(values.APP_URL ?? publicUrl),
    LOG_LEVEL: values.LOG_LEVEL ?? (values.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}

function describe(error: z.ZodError): string {
  const lines = error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  return `Invalid configuration:\n  ${lines.join('\n  ')}`;
}

function trimSlash(value: string): string {
  return value.replace(/\/+$/, '');
}
