import { DrizzlePostgreSQLAdapter } from '@lucia-auth/adapter-drizzle';
import { sessions, users, type Database, type Industry, type UserType } from '@career-nexus/db';
import { eq } from 'drizzle-orm';
import { Lucia, TimeSpan } from 'lucia';
import { randomToken, sha256 } from './tokens.ts';

export interface SessionUser {
  id: number;
  email: string;
  userType: UserType;
  industry: Industry;
  isStaff: boolean;
}

export interface ValidSession {
  user: SessionUser;
  sessionId: string;
}

/**
 * Access sessions. lucia is kept behind this interface alone, so that it
 * can be replaced without touching any procedure.
 */
export interface AccessSessions {
  create(userId: number, refreshFamily: string): Promise<{ token: string; expiresAt: Date }>;
  validate(token: string): Promise<ValidSession | null>;
  /** Whether the session behind a validated token is still in force. */
  isLive(sessionId: string): Promise<boolean>;
  revokeFamily(refreshFamily: string): Promise<void>;
  revokeUser(userId: number): Promise<void>;
}

declare module 'lucia' {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    UserId: number;
    DatabaseUserAttributes: Omit<typeof users.$inferSelect, 'id' | 'passwordHash' | 'createdAt'>;
    DatabaseSessionAttributes: { refreshFamily: string };
  }
}

function createLucia(db: Database, accessTtlSeconds: number) {
  const adapter = new DrizzlePostgreSQLAdapter(db as never, sessions, users);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(accessTtlSeconds, 's'),
    getSessionAttributes: (attributes) => ({ refreshFamily: attributes.refreshFamily }),
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      userType: attributes.userType,
      industry: attributes.industry,
      isStaff: attributes.isStaff,
    }),
  });
}

export function createAccessSessions(db: Database, accessTtlSeconds: number): AccessSessions {
  const lucia = createLucia(db, accessTtlSeconds);

  return {
    async create(userId, refreshFamily) {
      // The bearer token is handed out once; the database keeps only its hash,
      // so a leaked sessions table grants no access.
      const token = randomToken();
      const session = await lucia.createSession(
        userId,
        { refreshFamily },
        { sessionId: sha256(token) },
      );
      return { token, expiresAt: session.expiresAt };
    },
    async validate(token) {
      const { session, user } = await lucia.validateSession(sha256(token));
      if (!session) return null;
      return { sessionId: session.id, user };
    },
    async isLive(sessionId) {
      const { session } = await lucia.validateSession(sessionId);
      return session !== null;
    },
    async revokeFamily(refreshFamily) {
      await db.delete(sessions).where(eq(sessions.refreshFamily, refreshFamily));
    },
    async revokeUser(userId) {
      await lucia.invalidateUserSessions(userId);
    },
  };
}
