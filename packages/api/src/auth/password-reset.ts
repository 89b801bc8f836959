import { emailChallenges } from '@career-nexus/db';
import { and, eq, gt } from 'drizzle-orm';
import { users } from '@career-nexus/db';
import type { Services } from '../context.ts';
import { publishActivity } from '../dashboard/activity.ts';
import { DomainError } from '../errors.ts';
import { findUserByEmail } from './accounts.ts';
import {
  CHALLENGE_TTL_MS,
  checkLink,
  checkOtp,
  issueChallenge,
  type Challenge,
} from './challenges.ts';
import { passwordResetMail } from './mail.ts';
import { revokeEverything } from './token-pairs.ts';
import { hashSecret } from './tokens.ts';

/**
 * Emails a reset code and link when the email has an account. The caller
 * answers the same either way, and the mail leaves after the answer, so
 * neither the reply nor its timing tells whether the account exists.
 */
export async function requestPasswordReset(services: Services, email: string): Promise<void> {
  const user = await findUserByEmail(services, email);
  if (!user) return;

  const { otp, linkToken } = await issueChallenge(services, 'password_reset', email);
  const link = `${services.settings.appUrl.replace(/\/$/, '')}/reset-password/${linkToken}`;
  services.mail.send(passwordResetMail({ to: email, otp, link })).catch((error: unknown) => {
    services.log.error({ err: error, userId: user.id }, 'could not send a password reset mail');
  });
}

export async function verifyResetCode(services: Services, email: string, otp: string) {
  return markVerified(services, await checkOtp(services, 'password_reset', email, otp));
}

export async function verifyResetLink(services: Services, linkToken: string) {
  return markVerified(services, await checkLink(services, 'password_reset', linkToken));
}

/** Opens the window for one password change. */
async function markVerified(services: Services, challenge: Challenge): Promise<string> {
  await services.db
    .update(emailChallenges)
    .set({ verifiedAt: services.clock.now() })
    .where(eq(emailChallenges.id, challenge.id));
  return challenge.email;
}

/** Changes the password once per verification, then signs the user out everywhere. */
export async function changePassword(services: Services, email: string, password: string) {
  const windowOpen = new Date(services.clock.now().getTime() - CHALLENGE_TTL_MS);
  const [eligible] = await services.db
    .delete(emailChallenges)
    .where(
      and(
        eq(emailChallenges.purpose, 'password_reset'),
        eq(emailChallenges.email, email),
        gt(emailChallenges.verifiedAt, windowOpen),
      ),
    )
    .returning();
  const user = eligible && (await findUserByEmail(services, email));
  if (!user) throw new DomainError('not_eligible', 'Verify the code sent to your email first.');

  await services.db
    .update(users)
    .set({ passwordHash: await hashSecret(password) })
    .where(eq(users.id, user.id));
  await revokeEverything(services, user.id);

  services.log.info({ userId: user.id }, 'password changed');
  await publishActivity(services, 'user.password_changed', user.id);
}
