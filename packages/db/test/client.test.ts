import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';
import { countries, profiles, seedReferenceData, users } from '../src/index.ts';

describe('database', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(() => testDb.drop());

  it('gives a new profile the documented defaults', async () => {
    const { db } = testDb.handle;
    const [user] = await db
      .insert(users)
      .values({
        email: 'ada@example.com',
        passwordHash: 'x',
        userType: 'learner',
        industry: 'others',
      })
      .returning();

    await db.insert(profiles).values({ userId: user!.id });

    const [profile] = await db.select().from(profiles).where(eq(profiles.userId, user!.id));
    expect(profile).toMatchObject({
      firstName: 'N/A',
      countryCode: '',
      phoneNumber: '',
      technicalSkills: [],
      profilePhoto: null,
    });
  });

  it('delivers a NOTIFY to a LISTEN on the same channel', async () => {
    const received: string[] = [];
    const stop = await testDb.handle.listen('test_channel', (p) => received.push(p));

    await testDb.handle.notify('test_channel', '{"hello":1}');
    await expect.poll(() => received).toEqual(['{"hello":1}']);

    await stop();
  });

  it('applies migrations twice without error', async () => {
    await expect(testDb.handle.migrate()).resolves.toBeUndefined();
  });
});

describe('reference data', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(() => testDb.drop());

  it('seeds every country with its calling code, all permitted, once', async () => {
    const { db } = testDb.handle;

    await seedReferenceData(db);
    const rows = await db.select().from(countries);

    expect(rows.length).toBeGreaterThan(200);
    expect(rows.find((c) => c.isoCode === 'NG')).toMatchObject({
      name: 'Nigeria',
      callingCode: '+234',
      enabled: true,
    });
    expect(new Set(rows.map((c) => c.isoCode)).size).toBe(rows.length);
  });
});
