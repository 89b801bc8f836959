import { emailChallenges, type Industry } from '@career-nexus/db';
import { eq } from 'drizzle-orm';
import type { Services } from '../context.ts';
import { publishActivity } from '../dashboard/activity.ts';
import { DomainError } from '../errors.ts';
import { assertEmailFree, createAccount, type User } from './accounts.ts';
import { checkLink, checkOtp, issueChallenge, type Challenge } from './challenges.ts';
import { signupMail } from './mail.ts';
import { issueTokenPair, type TokenPair } from './token-pairs.ts';
import { hashSecret } from './tokens.ts';

export interface Registration {
  email: string;
  password: string;
  industry?: Industry | undefined;
}

/** Stage one: remembers the registration and emails a code and a link. */
export async function startRegistration(services: Services, registration: Registration) {
  await assertEmailFree(services, registration.email);

  const passwordHash = await hashSecret(registration.password);
  const { otp, linkToken } = await issueChallenge(services, 'signup', registration.email, {
    passwordHash,
    industry: registration.industry,
  });

  const link = `${services.settings.appUrl.replace(/\/$/, '')}/verify/${linkToken}`;
  await services.mail.send(signupMail({ to: registration.email, otp, link }));
  services.log.info({ email: registration.email }, 'registration started');
}

export interface Registered extends TokenPair {
  user: User;
}

/** Stage two by code: creates the account and signs it in. */
export async function completeRegistrationByOtp(
  services: Services,
  email: string,
  otp: string,
  industry: Industry | undefined,
): Promise<Registered> {
  await assertEmailFree(services, email);
  const challenge = await checkOtp(services, 'signup', email, otp);
  return register(services, challenge, industry ?? challenge.industry ?? undefined);
}

/** Stage two by the emailed link: the same, with the industry given at stage one. */
export async function completeRegistrationByLink(services: Services, linkToken: string) {
  const challenge = await checkLink(services, 'signup', linkToken);
  await assertEmailFree(services, challenge.email);
  return register(services, challenge, challenge.industry ?? undefined);
}

async function register(
  services: Services,
  challenge: Challenge,
  industry: Industry | undefined,
): Promise<Registered> {
  // Deleting the challenge first makes it single-use under concurrent tries.
  const consumed = await services.db
    .delete(emailChallenges)
    .where(eq(emailChallenges.id, challenge.id))
    .returning({ id: emailChallenges.id });
  if (consumed.length === 0 || !challenge.passwordHash) {
    throw new DomainError('invalid_otp', 'That code was already used. Request a new one.');
  }

  const user = await createAccount(services, {
    email: challenge.email,
    passwordHash: challenge.passwordHash,
    userType: industry ? 'mentor' : 'learner',
    industry: industry ?? 'others',
  });
  const tokens = await issueTokenPair(services, user.id);

  services.log.info({ userId: user.id }, 'user signed up');
  await publishActivity(services, 'user.signed_up', user.id);
  return { user, ...tokens };
}
