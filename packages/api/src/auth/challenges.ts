import { randomBytes } from 'node:crypto';
import { emailChallenges, type Database, type Industry } from '@career-nexus/db';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Clock } from '../ports/clock.ts';
import { DomainError } from '../errors.ts';
import { hashSecret, randomToken, sixDigitCode, verifySecret } from './tokens.ts';

export type Purpose = 'signup' | 'password_reset';
export type Challenge = typeof emailChallenges.$inferSelect;

export const CHALLENGE_TTL_MS = 10 * 60 * 1000;
export const MAX_TRIES = 5;
const SELECTOR_LENGTH = 32;

interface Deps {
  db: Database;
  clock: Clock;
}

export interface IssuedChallenge {
  otp: string;
  /** Sent in the emailed link; `selector + verifier`. */
  linkToken: string;
}

export interface PendingRegistration {
  passwordHash: string;
  industry: Industry | undefined;
}

/** Creates, or replaces, the challenge of this purpose for this email. */
export async function issueChallenge(
  { db, clock }: Deps,
  purpose: Purpose,
  email: string,
  registration?: PendingRegistration,
): Promise<IssuedChallenge> {
  const otp = sixDigitCode();
  const selector = randomBytes(SELECTOR_LENGTH / 2).toString('hex');
  const verifier = randomToken(32);
  const [otpHash, linkVerifierHash] = await Promise.all([hashSecret(otp), hashSecret(verifier)]);
  const fresh = {
    otpHash,
    linkSelector: selector,
    linkVerifierHash,
    failedAttempts: 0,
    expiresAt: new Date(clock.now().getTime() + CHALLENGE_TTL_MS),
    verifiedAt: null,
    passwordHash: registration?.passwordHash ?? null,
    industry: registration?.industry ?? null,
    createdAt: clock.now(),
  };

  await db
    .insert(emailChallenges)
    .values({ purpose, email, ...fresh })
    .onConflictDoUpdate({ target: [emailChallenges.purpose, emailChallenges.email], set: fresh });

  return { otp, linkToken: selector + verifier };
}

/** The challenge whose OTP this is; refuses wrong, expired and exhausted codes. */
export async function checkOtp(deps: Deps, purpose: Purpose, email: string, otp: string) {
  const [challenge] = await deps.db
    .select()
    .from(emailChallenges)
    .where(and(eq(emailChallenges.purpose, purpose), eq(emailChallenges.email, email)));
  if (!challenge)
    throw new DomainError('invalid_otp', 'That code is not valid. Request a new one.');

  await spendTry(deps, challenge, 'otp_locked');
  if (!(await verifySecret(challenge.otpHash, otp))) {
    throw new DomainError('invalid_otp', 'That code is not valid.');
  }
  return challenge;
}

/** The challenge whose emailed link this is; refuses unknown and expired links. */
export async function checkLink(deps: Deps, purpose: Purpose, linkToken: string) {
  const selector = linkToken.slice(0, SELECTOR_LENGTH);
  const verifier = linkToken.slice(SELECTOR_LENGTH);
  const [challenge] = await deps.db
    .select()
    .from(emailChallenges)
    .where(and(eq(emailChallenges.purpose, purpose), eq(emailChallenges.linkSelector, selector)));
  if (!challenge) throw new DomainError('invalid_link', 'That link is not valid.');

  await spendTry(deps, challenge, 'invalid_link');
  if (!(await verifySecret(challenge.linkVerifierHash, verifier))) {
    throw new DomainError('invalid_link', 'That link is not valid.');
  }
  return challenge;
}

/**
 * Counts a try before checking it, in one conditional update, so that
 * concurrent guesses can never spend more than the allowed tries.
 */
async function spendTry(
  deps: Deps,
  challenge: Challenge,
  lockedCode: 'otp_locked' | 'invalid_link',
) {
  if (challenge.expiresAt <= deps.clock.now()) {
    throw new DomainError('otp_expired', 'That code has expired. Request a new one.');
  }
  const spent = await deps.db
    .update(emailChallenges)
    .set({ failedAttempts: sql`${emailChallenges.failedAttempts} + 1` })
    .where(and(eq(emailChallenges.id, challenge.id), lt(emailChallenges.failedAttempts, MAX_TRIES)))
    .returning({ id: emailChallenges.id });
  if (spent.length === 0) {
    throw new DomainError(lockedCode, 'Too many wrong tries. Request a new code.');
  }
}
