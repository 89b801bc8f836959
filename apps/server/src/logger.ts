import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

/** Body and payload fields that carry secrets, wherever they end up in a log line. */
const SECRET_FIELDS = ['password', 'password1', 'password2', 'otp', 'hash', 'refresh', 'access', 'token'];

const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  // Top level and one level down: every logged object is a flat record of ids.
  // Deeper wildcards are checked on every child logger, one per request.
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
];

interface LoggedRequest {
  method: string;
  url: string;
  ip?: string;
}

/** The one logger of the process: Fastify's request logs and the services share it. */
export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: { req: serializeRequest },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Method and path only: a query string may carry a token or an email address. */
function serializeRequest(request: LoggedRequest) {
  return { method: request.method, path: request.url.split('?')[0], remoteAddress: request.ip };
}
