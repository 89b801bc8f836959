import {
  certifications,
  connections,
  educations,
  experiences,
  posts,
  profiles,
  profileViews,
} from '@career-nexus/db';
import { loggingDatabase } from '@career-nexus/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/auth/accounts.ts';
import { issueTokenPair } from '../src/auth/token-pairs.ts';
import { appRouter } from '../src/root.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { createHarness, type Harness } from './support.ts';

let h: Harness;
let n = 0;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function member() {
  const user = await createAccount(h.services, {
    email: `insights${++n}@example.com`,
    passwordHash: 'not used here',
    userType: 'learner',
    industry: 'technology',
  });
  const { access } = await issueTokenPair(h.services, user.id);
  return { id: user.id, access, api: (await h.caller(access)).profile };
}

/**
 * A caller whose database logs every statement it sends: a second Drizzle
 * instance with a logger, on the same driver client as the harness.
 */
async function countingCaller(access: string) {
  const { db: counting, statements } = loggingDatabase(h.testDb.handle);
  const session = await h.services.sessions.validate(access);
  const caller = createCallerFactory(appRouter)({
    ...h.services,
    db: counting,
    user: session!.user,
    sessionId: session!.sessionId,
    ip: '127.0.0.1',
  });
  return { profile: caller.profile, statements };
}

describe('analytics', () => {
  it('counts nothing for a new member', async () => {
    const { api } = await member();

    const analytics = await api.analytics();

    expect(analytics).toEqual({ total_posts: 0, total_views: 0, total_connections: 0 });
  });

  it('counts my posts and reposts, views by others, and confirmed connections either way', async () => {
    const me = await member();
    const [a, b, c, d] = [await member(), await member(), await member(), await member()];
    const db = h.services.db;
    const [original] = await db
      .insert(posts)
      .values({ authorId: a.id, body: 'theirs' })
      .returning();
    await db.insert(posts).values([
      { authorId: me.id, body: 'one' },
      { authorId: me.id, body: 'two' },
      { authorId: me.id, body: 'a repost', parentId: original!.id },
    ]);
    await db.insert(profileViews).values([
      { profileId: me.id, viewerId: a.id },
      { profileId: me.id, viewerId: a.id },
      { profileId: me.id, viewerId: b.id },
      { profileId: a.id, viewerId: me.id },
    ]);
    await db.insert(connections).values([
      { requesterId: me.id, recipientId: a.id, status: 'CONFIRMED' },
      { requesterId: b.id, recipientId: me.id, status: 'CONFIRMED' },
      { requesterId: me.id, recipientId: c.id, status: 'PENDING' },
      { requesterId: c.id, recipientId: d.id, status: 'CONFIRMED' },
    ]);

    const analytics = await me.api.analytics();

    expect(analytics).toEqual({ total_posts: 3, total_views: 3, total_connections: 2 });
  });

  it('follows a connection from pending to confirmed', async () => {
    const me = await member();
    const other = await member();
    const [request] = await h.services.db
      .insert(connections)
      .values({ requesterId: other.id, recipientId: me.id })
      .returning();
    const before = await me.api.analytics();

    await h.services.db
      .update(connections)
      .set({ status: 'CONFIRMED' })
      .where(eq(connections.id, request!.id));

    expect(before.total_connections).toBe(0);
    expect((await me.api.analytics()).total_connections).toBe(1);
  });

  it('reads the three counts in one round trip to the database', async () => {
    const me = await member();
    await h.services.db.insert(posts).values({ authorId: me.id, body: 'counted' });
    const { profile, statements } = await countingCaller(me.access);

    const analytics = await profile.analytics();

    expect(analytics.total_posts).toBe(1);
    expect(statements).toHaveLength(1);
  });
});

describe('completion', () => {
  it('lists every item as incomplete, in the documented order, for a new member', async () => {
    const { api } = await member();

    const completion = await api.completion();

    expect(completion).toEqual({
      completion: 0,
      incomplete_items: [
        'profile_photo',
        'intro_video',
        'experience',
        'certification',
        'bio',
        'education',
      ],
      complete_items: [],
    });
  });

  it('adds each item by its weight as the profile fills, up to 100', async () => {
    const me = await member();
    const db = h.services.db;
    const seen: number[] = [];
    const fill = [
      () =>
        me.api.experience.add({
          title: 'Developer',
          organization: 'Acme',
          start_date: '2020-01-01',
          employment_type: 'Remote',
        }),
      () => db.update(profiles).set({ bio: 'Builder of things' }).where(eq(profiles.userId, me.id)),
      () =>
        db
          .update(profiles)
          .set({ profilePhoto: 'photos/me.png' })
          .where(eq(profiles.userId, me.id)),
      () => me.api.certification.add({ title: 'AWS', school: 'Amazon', issue_date: '2022-05-01' }),
      () =>
        db.update(profiles).set({ introVideo: 'videos/me.mp4' }).where(eq(profiles.userId, me.id)),
      () => me.api.education.add({ course: 'CS', school: 'Uni', start_date: '2015-09-01' }),
    ];

    for (const step of fill) {
      await step();
      seen.push((await me.api.completion()).completion);
    }

    expect(seen).toEqual([20, 35, 50, 65, 80, 100]);
    expect(await me.api.completion()).toEqual({
      completion: 100,
      incomplete_items: [],
      complete_items: [
        'profile_photo',
        'intro_video',
        'experience',
        'certification',
        'bio',
        'education',
      ],
    });
  });

  it('counts neither a blank bio nor rows that belong to someone else', async () => {
    const me = await member();
    const other = await member();
    await h.services.db.update(profiles).set({ bio: '   ' }).where(eq(profiles.userId, me.id));
    await h.services.db.insert(experiences).values({
      userId: other.id,
      title: 'Theirs',
      organization: 'Elsewhere',
      startDate: '2020-01-01',
      employmentType: 'Onsite',
    });
    await h.services.db.insert(educations).values({
      userId: other.id,
      course: 'Theirs',
      school: 'Elsewhere',
      startDate: '2020-01-01',
    });

    const completion = await me.api.completion();

    expect(completion.completion).toBe(0);
  });

  it('drops an item again when its last row is deleted', async () => {
    const me = await member();
    const [row] = await h.services.db
      .insert(certifications)
      .values({ userId: me.id, title: 'Scrum', school: 'Scrum.org', issueDate: '2021-01-01' })
      .returning();
    const before = await me.api.completion();

    await me.api.certification.remove({ certification_id: row!.id });

    expect(before.complete_items).toEqual(['certification']);
    expect(await me.api.completion()).toMatchObject({ completion: 0, complete_items: [] });
  });

  it('reads every item in one round trip to the database', async () => {
    const me = await member();
    const { profile, statements } = await countingCaller(me.access);

    await profile.completion();

    expect(statements).toHaveLength(1);
  });
});
