import { isUniqueViolation, profiles, users, type Industry, type UserType } from '@career-nexus/db';
import { eq } from 'drizzle-orm';
import type { Services } from '../context.ts';
import { DomainError } from '../errors.ts';
import { hashSecret, verifySecret } from './tokens.ts';

type Deps = Pick<Services, 'db'>;

export type User = typeof users.$inferSelect;

export interface NewAccount {
  email: string;
  passwordHash: string;
  userType: UserType;
  industry: Industry;
  isStaff?: boolean;
}

export async function findUserByEmail({ db }: Deps, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user;
}

export async function assertEmailFree(deps: Deps, email: string): Promise<void> {
  if (await findUserByEmail(deps, email)) {
    throw new DomainError('email_taken', 'An account with this email already exists.');
  }
}

/** A user and the profile that shares its id, created together or not at all. */
export async function createAccount({ db }: Deps, account: NewAccount): Promise<User> {
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values(account).returning();
      await tx.insert(profiles).values({ userId: user!.id });
      return user!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('email_taken', 'An account with this email already exists.');
    }
    throw error;
  }
}

// Verified against when the email is unknown, so that a wrong email costs
// as long as a wrong password and response times reveal no accounts.
const decoyHash = hashSecret('decoy password that matches nothing');

/** The user with these credentials; one refusal for a wrong email or password. */
export async function authenticate(deps: Deps, email: string, password: string): Promise<User> {
  const user = await findUserByEmail(deps, email);
  const valid = await verifySecret(user?.passwordHash ?? (await decoyHash), password);
  if (!user || !valid)
    throw new DomainError('invalid_credentials', 'Email or password is incorrect.');
  return user;
}
