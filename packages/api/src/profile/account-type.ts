import { users, type Industry, type UserType } from '@career-nexus/db';
import { eq } from 'drizzle-orm';
import type { Services } from '../context.ts';

export interface AccountType {
  industry: Industry;
  userType?: UserType | undefined;
}

/** Sets a user's industry and, when given, whether they are a learner or a mentor. */
export async function updateAccountType(
  { db }: Pick<Services, 'db'>,
  userId: number,
  change: AccountType,
) {
  const [user] = await db
    .update(users)
    .set({ industry: change.industry, ...(change.userType && { userType: change.userType }) })
    .where(eq(users.id, userId))
    .returning();
  return user!;
}
