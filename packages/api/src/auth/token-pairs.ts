import { randomUUID } from 'node:crypto';
import { refreshTokens } from '@career-nexus/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Services } from '../context.ts';
import { DomainError } from '../errors.ts';
import { randomToken, sha256 } from './tokens.ts';

type Deps = Pick<Services, 'db' | 'clock' | 'sessions' | 'settings'>;

export interface TokenPair {
  access: string;
  refresh: string;
}

/** Signs a user in: a new refresh family with its first refresh token and access session. */
export async function issueTokenPair(
  deps: Deps,
  userId: number,
  family: string = randomUUID(),
): Promise<TokenPair> {
  const refresh = randomToken();
  const expiresAt = new Date(deps.clock.now().getTime() + deps.settings.refreshTtlSeconds * 1000);
  await deps.db
    .insert(refreshTokens)
    .values({ userId, family, tokenHash: sha256(refresh), expiresAt });
  const access = await deps.sessions.create(userId, family);
  return { access: access.token, refresh };
}

/**
 * Trades a refresh token for a new pair. A token is good once: presenting
 * one that was already used means it was copied, so the whole family dies.
 */
export async function rotateRefreshToken(deps: Deps, refresh: string): Promise<TokenPair> {
  const now = deps.clock.now();
  const tokenHash = sha256(refresh);

  const [claimed] = await deps.db
    .update(refreshTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(refreshTokens.tokenHash, tokenHash),
        isNull(refreshTokens.usedAt),
        isNull(refreshTokens.revokedAt),
        gt(refreshTokens.expiresAt, now),
      ),
    )
    .returning();
  if (claimed) return issueTokenPair(deps, claimed.userId, claimed.family);

  const [known] = await deps.db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash));
  if (known?.usedAt) await revokeFamily(deps, known.family);
  throw new DomainError('token_revoked', 'This refresh token is no longer valid. Sign in again.');
}

/** Ends the family of a refresh token; the user it belonged to, or null when unknown. */
export async function revokeFamilyOf(deps: Deps, refresh: string): Promise<number | null> {
  const [known] = await deps.db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, sha256(refresh)));
  if (!known) return null;

  await revokeFamily(deps, known.family);
  return known.userId;
}

/** Ends every refresh family and access session of a user. */
export async function revokeEverything(deps: Deps, userId: number): Promise<void> {
  await deps.db
    .update(refreshTokens)
    .set({ revokedAt: deps.clock.now() })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
  await deps.sessions.revokeUser(userId);
}

async function revokeFamily(deps: Deps, family: string): Promise<void> {
  await deps.db
    .update(refreshTokens)
    .set({ revokedAt: deps.clock.now() })
    .where(and(eq(refreshTokens.family, family), isNull(refreshTokens.revokedAt)));
  await deps.sessions.revokeFamily(family);
}
