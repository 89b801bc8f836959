import { users, type Database } from '@career-nexus/db';
import { createAccount, findUserByEmail } from './accounts.ts';
import { emailField, passwordField } from './contract.ts';
import { hashSecret } from './tokens.ts';
import { eq } from 'drizzle-orm';

/**
 * Makes sure a staff account with this email and password exists: creates
 * it, or promotes the existing user and sets the password.
 */
export async function ensureStaffAccount(db: Database, email: string, password: string) {
  const address = emailField.parse(email);
  const passwordHash = await hashSecret(passwordField.parse(password));
  const existing = await findUserByEmail({ db }, address);

  if (!existing) {
    const user = await createAccount(
      { db },
      { email: address, passwordHash, userType: 'learner', industry: 'others', isStaff: true },
    );
    return { id: user.id, email: address, created: true };
  }

  await db.update(users).set({ passwordHash, isStaff: true }).where(eq(users.id, existing.id));
  return { id: existing.id, email: address, created: false };
}
