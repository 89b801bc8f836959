import { randomUUID } from 'node:crypto';
import type { Services } from '@career-nexus/api';
import { industries, profiles, users } from '@career-nexus/db';

const BATCH = 1_000;

/**
 * Fills the database with members, and answers an access token of the
 * last one. Passwords are placeholders: no one signs in with them.
 */
export async function seedMembers(services: Services, count: number): Promise<string> {
  let lastId = 0;
  for (let start = 0; start < count; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => ({
      email: `member${start + i}@bench.test`,
      passwordHash: 'not-a-password',
      userType: (start + i) % 5 === 0 ? ('mentor' as const) : ('learner' as const),
      industry: industries[(start + i) % industries.length]!,
    }));
    const inserted = await services.db.insert(users).values(rows).returning({ id: users.id });
    await services.db
      .insert(profiles)
      .values(
        inserted.map(({ id }) => ({ userId: id, firstName: `Member ${id}`, location: 'Lagos' })),
      );
    lastId = inserted.at(-1)!.id;
  }
  const session = await services.sessions.create(lastId, randomUUID());
  return session.token;
}
