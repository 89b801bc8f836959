import { profiles, users, type Database, type Industry } from '@career-nexus/db';
import { asc, eq, ne, sql } from 'drizzle-orm';

export const MEMBERS = 100_000;
export const FOLLOWS = 300_000;
export const CONNECTIONS = 200_000;

/** A member who gave a location, the one whose recommendations are read. */
export interface Viewer {
  id: number;
  industry: Industry;
}

/**
 * Fills an empty database with a network: 100k members in 15 industries, a
 * third without a location and the rest in one of 1,000 cities, 300k random
 * follows and 200k random connections, half of them confirmed. Answers the
 * first member with a location.
 */
export async function seedNetwork(db: Database): Promise<Viewer> {
  const run = (query: string) => db.execute(sql.raw(query));
  await run(`
    insert into users (email, password_hash, user_type, industry)
    select 'member' || g || '@network.test', 'not-a-password',
      (case when g % 5 = 0 then 'mentor' else 'learner' end)::user_type,
      (enum_range(null::industry))[1 + g % 15]
    from generate_series(1, ${MEMBERS}) g`);
  await run(`
    insert into profiles (user_id, first_name, last_name, location)
    select id, 'Member', id::text, case when id % 3 = 0 then '' else 'City ' || id % 1000 end
    from users`);
  await run(`
    insert into follows (follower_id, following_id)
    select a, b from (
      select (select min(id) from users) + (random() * ${MEMBERS - 1})::int as a,
             (select min(id) from users) + (random() * ${MEMBERS - 1})::int as b
      from generate_series(1, ${FOLLOWS})) pairs
    where a <> b
    on conflict do nothing`);
  // The unordered-pair unique index drops repeated pairs, in either direction.
  await run(`
    insert into connections (requester_id, recipient_id, status)
    select a, b, (case when a % 2 = 0 then 'CONFIRMED' else 'PENDING' end)::connection_status from (
      select (select min(id) from users) + (random() * ${MEMBERS - 1})::int as a,
             (select min(id) from users) + (random() * ${MEMBERS - 1})::int as b
      from generate_series(1, ${CONNECTIONS})) pairs
    where a <> b
    on conflict do nothing`);
  // Full, so the tables are as compact as after steady use, not as left by the
  // follower-count trigger's 300k updates; then plain, which marks pages
  // all-visible for index-only scans, as autovacuum would.
  await run('vacuum full');
  await run('vacuum analyze');

  const [viewer] = await db
    .select({ id: users.id, industry: users.industry })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(ne(profiles.location, ''))
    .orderBy(asc(users.id))
    .limit(1);
  return viewer!;
}
