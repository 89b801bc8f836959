import type { Database } from '@career-nexus/db';
import type { AccessSessions, SessionUser } from './auth/sessions.ts';
import type { Logger } from './logger.ts';
import type { Clock } from './ports/clock.ts';
import type { Events } from './ports/events.ts';
import type { Mailer } from './ports/mail.ts';
import type { Storage } from './ports/storage.ts';

export interface RateLimitRule {
  /** Attempts allowed in one window. */
  limit: number;
  windowSeconds: number;
}

export interface Settings {
  /** Absolute base of this API, for links in responses (pagination, shares). */
  publicUrl: string;
  /** The web app, for links in mail. */
  appUrl: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  rateLimits: { perEmail: RateLimitRule; perIp: RateLimitRule };
  /** How often a running subscription checks that its session is still in force. */
  sessionCheckMs: number;
}

/** What every request shares: built once at start. */
export interface Services {
  db: Database;
  sessions: AccessSessions;
  mail: Mailer;
  storage: Storage;
  events: Events;
  clock: Clock;
  settings: Settings;
  log: Logger;
}

/** What one request brings. */
export interface RequestInfo {
  token: string | undefined;
  ip: string;
  log?: Logger;
}

export interface Context extends Services {
  user: SessionUser | null;
  sessionId: string | null;
  ip: string;
}

export async function createContext(services: Services, request: RequestInfo): Promise<Context> {
  const session = request.token ? await services.sessions.validate(request.token) : null;
  const base = request.log ?? services.log;
  // A child logger costs tens of microseconds: only make one when it adds a field.
  const log = session ? base.child({ userId: session.user.id }) : base;
  return {
    ...services,
    log,
    user: session?.user ?? null,
    sessionId: session?.sessionId ?? null,
    ip: request.ip,
  };
}
