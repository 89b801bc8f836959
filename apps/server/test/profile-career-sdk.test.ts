import { connections, posts, profiles, profileViews } from '@career-nexus/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { refusalCode as refusal } from './fixtures/refusals.ts';
import { sdkTestServer } from './fixtures/sdk.ts';

const password = 'Sturdy-Pass1';
const sdk = sdkTestServer();
let n = 0;

/** A signed-in client of a member who signed up by the emailed code. */
async function member() {
  const client = sdk.connect();
  const email = `sdk-career${++n}@example.com`;
  await client.auth.signup.mutate({ email, password1: password, password2: password });
  await expect.poll(async () => (await sdk.server.mailTo(email)).length).toBe(1);
  const otp = /\b(\d{6})\b/.exec((await sdk.server.mailTo(email))[0]!.text)![1]!;
  const done = await client.auth.signup.mutate({
    email,
    password1: password,
    password2: password,
    otp,
  });
  if (done.status !== 'Success') throw new Error('signup did not complete');
  const session = await sdk.server.services.sessions.validate(done.access);
  return { id: session!.user.id, profile: client.profile };
}

const job = {
  title: 'Research Methodologist',
  organization: 'Delta Logistics',
  start_date: '2022-10-29',
  end_date: '2024-11-29',
  location: 'Lagos',
  employment_type: 'Remote' as const,
  detail: 'Worked as a Research Methodologist.',
};

const course = {
  course: 'Civil Engineering',
  school: 'Federal University of Agriculture Abeokuta',
  start_date: '2021-04-21',
  end_date: '2022-06-05',
  location: 'Abeokuta',
  detail: 'Completed the online course',
};

const certificate = {
  title: 'Django Rest Framework',
  school: 'Coursera',
  issue_date: '2023-07-04',
  cert_id: 'iJIUzI1NiIsInR5cCI6IkpXVCJ9',
  skills: 'Python Programming, Web development, Algorithms',
};

describe('career history through the SDK', () => {
  it('adds, lists, changes and deletes experience, an open one shown as "Present"', async () => {
    const { profile } = await member();
    const older = await profile.experience.add.mutate({ ...job, start_date: '2021-02-15' });
    const open = await profile.experience.add.mutate({ ...job, end_date: undefined });

    const listed = await profile.experience.list.query();
    const updated = await profile.experience.update.mutate({ id: older.id, location: 'Ogun' });
    await profile.experience.remove.mutate({ experience_id: open.id });

    expect(open).toEqual({ ...job, id: expect.any(Number), end_date: 'Present' });
    expect(listed.map((item) => item.id)).toEqual([open.id, older.id]);
    expect(updated).toEqual({ ...older, location: 'Ogun' });
    expect(await profile.experience.list.query()).toEqual([updated]);
  });

  it('adds, lists, changes and deletes education', async () => {
    const { profile } = await member();
    const added = await profile.education.add.mutate(course);

    const listed = await profile.education.list.query();
    const updated = await profile.education.update.mutate({ id: added.id, end_date: null });
    await profile.education.remove.mutate({ education_id: added.id });

    expect(listed).toEqual([{ id: added.id, ...course }]);
    expect(updated.end_date).toBe('Present');
    expect(await profile.education.list.query()).toEqual([]);
  });

  it('adds, lists, changes and deletes certifications', async () => {
    const { profile } = await member();
    const added = await profile.certification.add.mutate(certificate);

    const listed = await profile.certification.list.query();
    const updated = await profile.certification.update.mutate({ id: added.id, title: 'DRF' });
    await profile.certification.remove.mutate({ certification_id: added.id });

    expect(listed).toEqual([{ id: added.id, ...certificate }]);
    expect(updated).toEqual({ ...added, title: 'DRF' });
    expect(await profile.certification.list.query()).toEqual([]);
  });

  it('refuses an end date before the start date, on add and against the stored row', async () => {
    const { profile } = await member();
    const added = await profile.education.add.mutate(course);

    const onAdd = refusal(profile.experience.add.mutate({ ...job, end_date: '2001-01-01' }));
    const onUpdate = refusal(
      profile.education.update.mutate({ id: added.id, start_date: '2030-01-01' }),
    );

    expect(await onAdd).toBe('validation_failed');
    expect(await onUpdate).toBe('validation_failed');
  });

  it("answers not found for another member's rows, and leaves them alone", async () => {
    const owner = await member();
    const intruder = await member();
    const experience = await owner.profile.experience.add.mutate(job);
    const education = await owner.profile.education.add.mutate(course);
    const certification = await owner.profile.certification.add.mutate(certificate);

    // Sent together, so the SDK carries all six in one HTTP batch.
    const refusals = await Promise.all([
      refusal(intruder.profile.experience.update.mutate({ id: experience.id, title: 'x' })),
      refusal(intruder.profile.experience.remove.mutate({ experience_id: experience.id })),
      refusal(intruder.profile.education.update.mutate({ id: education.id, school: 'x' })),
      refusal(intruder.profile.education.remove.mutate({ education_id: education.id })),
      refusal(intruder.profile.certification.update.mutate({ id: certification.id })),
      refusal(intruder.profile.certification.remove.mutate({ certification_id: certification.id })),
    ]);

    expect(refusals).toEqual(Array(6).fill('not_found'));
    expect(await owner.profile.experience.list.query()).toEqual([experience]);
    expect(await owner.profile.education.list.query()).toEqual([education]);
    expect(await owner.profile.certification.list.query()).toEqual([certification]);
  });

  it('refuses a client that is not signed in', async () => {
    const { profile } = sdk.connect();

    const refusals = await Promise.all([
      refusal(profile.experience.list.query()),
      refusal(profile.education.add.mutate(course)),
      refusal(profile.certification.remove.mutate({ certification_id: 1 })),
      refusal(profile.analytics.query()),
      refusal(profile.completion.query()),
    ]);

    expect(refusals).toEqual(Array(5).fill('unauthenticated'));
  });
});

describe('profile insights through the SDK', () => {
  it('counts posts with reposts, views by others and confirmed connections', async () => {
    const me = await member();
    const other = await member();
    const db = sdk.server.services.db;
    const before = await me.profile.analytics.query();

    const [original] = await db
      .insert(posts)
      .values({ authorId: other.id, body: 'theirs' })
      .returning();
    await db.insert(posts).values({ authorId: me.id, body: '', parentId: original!.id });
    await db.insert(profileViews).values({ profileId: me.id, viewerId: other.id });
    await db
      .insert(connections)
      .values({ requesterId: me.id, recipientId: other.id, status: 'CONFIRMED' });
    const after = await me.profile.analytics.query();

    expect(before).toEqual({ total_posts: 0, total_views: 0, total_connections: 0 });
    expect(after).toEqual({ total_posts: 1, total_views: 1, total_connections: 1 });
  });

  it('reports completion growing as the profile fills', async () => {
    const { id, profile } = await member();
    const empty = await profile.completion.query();

    await profile.certification.add.mutate(certificate);
    await sdk.server.services.db
      .update(profiles)
      .set({ introVideo: 'videos/intro.mp4' })
      .where(eq(profiles.userId, id));
    const filled = await profile.completion.query();

    expect(empty.completion).toBe(0);
    expect(filled).toEqual({
      completion: 30,
      incomplete_items: ['profile_photo', 'experience', 'bio', 'education'],
      complete_items: ['intro_video', 'certification'],
    });
  });
});
