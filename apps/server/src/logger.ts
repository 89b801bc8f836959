import { pino, type Logger, type LevelWithSilent } from 'pino';

/** Body and payload fields that carry secrets, wherever they end up in a log line. */
const SECRET_FIELDS = ['password', 'password1', 'password2', 'otp', 'hash', 'refresh', 'access', 'token'];

const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

/** The one logger of the process: Fastify's request logs and the services share it. */
export function createLogger(level: LevelWithSilent): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } });
}
