import { experiences } from '@career-nexus/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { createAccount } from '../src/auth/accounts.ts';
import { issueTokenPair } from '../src/auth/token-pairs.ts';
import { appCodeOf } from '../src/errors.ts';
import { fieldErrors } from '../src/trpc.ts';
import { createHarness, type Harness } from './support.ts';

let h: Harness;
let n = 0;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** A signed-in member's caller; accounts are made directly, signup has its own tests. */
async function member() {
  const user = await createAccount(h.services, {
    email: `career${++n}@example.com`,
    passwordHash: 'not used here',
    userType: 'learner',
    industry: 'technology',
  });
  const { access } = await issueTokenPair(h.services, user.id);
  return { id: user.id, api: (await h.caller(access)).profile };
}

/** The wire code and field errors of a refused call, as the REST door reports them. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error('The call was not refused.');
  if (error.cause instanceof ZodError) {
    return { code: 'validation_failed', fields: fieldErrors(error.cause.issues) };
  }
  return { code: appCodeOf(error), fields: undefined };
}

const job = {
  title: 'Backend Developer',
  organization: 'Delta Logistics',
  start_date: '2022-10-29',
  end_date: '2024-11-29',
  location: 'Lagos',
  employment_type: 'Remote' as const,
  detail: 'Built the payments service.',
};

describe('experience', () => {
  it('adds an experience and answers with its id and the documented fields', async () => {
    const { api } = await member();

    const added = await api.experience.add(job);

    expect(added).toEqual({ id: expect.any(Number), ...job });
  });

  it('shows an experience without an end date as "Present"', async () => {
    const { api } = await member();

    const added = await api.experience.add({ ...job, end_date: undefined });
    const listed = await api.experience.list();

    expect(added.end_date).toBe('Present');
    expect(listed[0]!.end_date).toBe('Present');
  });

  it('lists only my experiences, the latest start first', async () => {
    const { api } = await member();
    const other = await member();
    await api.experience.add({ ...job, title: 'Middle', start_date: '2021-02-15' });
    await api.experience.add({ ...job, title: 'Latest', start_date: '2023-01-01' });
    await api.experience.add({ ...job, title: 'Earliest', start_date: '2019-06-30' });
    await other.api.experience.add({ ...job, title: 'Not mine' });

    const listed = await api.experience.list();

    expect(listed.map((item) => item.title)).toEqual(['Latest', 'Middle', 'Earliest']);
  });

  it('fills location and detail with empty text when they are left out', async () => {
    const { api } = await member();

    const added = await api.experience.add({
      title: 'Analyst',
      organization: 'Wema Bank',
      start_date: '2021-02-15',
      employment_type: 'Onsite',
    });

    expect(added).toMatchObject({ location: '', detail: '', end_date: 'Present' });
  });

  it('refuses an end date before the start date, naming end_date', async () => {
    const { api } = await member();

    const refused = await refusal(
      api.experience.add({ ...job, start_date: '2024-01-02', end_date: '2024-01-01' }),
    );

    expect(refused).toEqual({
      code: 'validation_failed',
      fields: { end_date: [expect.any(String)] },
    });
    expect(await api.experience.list()).toEqual([]);
  });

  it('accepts a period that starts and ends on the same day', async () => {
    const { api } = await member();

    const added = await api.experience.add({
      ...job,
      start_date: '2024-01-01',
      end_date: '2024-01-01',
    });

    expect(added.end_date).toBe('2024-01-01');
  });

  it('refuses blank or overlong text, an unknown employment type and impossible dates', async () => {
    const { api } = await member();

    const refused = await refusal(
      api.experience.add({
        ...job,
        title: '   ',
        location: 'x'.repeat(201),
        detail: 'x'.repeat(5001),
        employment_type: 'Freelance' as 'Remote',
        start_date: '2023-02-30',
        end_date: '29/11/2024',
      }),
    );

    expect(refused.code).toBe('validation_failed');
    expect(Object.keys(refused.fields!).sort()).toEqual(
      ['detail', 'employment_type', 'end_date', 'location', 'start_date', 'title'].sort(),
    );
  });

  it('refuses what the database could not store as invalid input, not as a fault', async () => {
    const { api } = await member();

    const nul = await refusal(api.experience.add({ ...job, title: 'a\0b' }));
    const ancient = await refusal(api.experience.add({ ...job, start_date: '0000-01-01' }));
    const hugeId = await refusal(api.experience.remove({ experience_id: 2 ** 31 }));

    expect([nul.code, ancient.code, hugeId.code]).toEqual([
      'validation_failed',
      'validation_failed',
      'validation_failed',
    ]);
  });

  it('changes only the fields sent and answers with the whole row', async () => {
    const { api } = await member();
    const added = await api.experience.add(job);

    const updated = await api.experience.update({ id: added.id, title: 'Lead Developer' });

    expect(updated).toEqual({ ...added, title: 'Lead Developer' });
    expect(await api.experience.list()).toEqual([updated]);
  });

  it('reopens an experience with a null or "Present" end date', async () => {
    const { api } = await member();
    const first = await api.experience.add(job);
    const second = await api.experience.add(job);

    const byNull = await api.experience.update({ id: first.id, end_date: null });
    const byWord = await api.experience.update({ id: second.id, end_date: 'Present' });

    expect(byNull.end_date).toBe('Present');
    expect(byWord.end_date).toBe('Present');
  });

  it('checks the date order of an update against the stored dates', async () => {
    const { api } = await member();
    const added = await api.experience.add(job);

    const lateStart = await refusal(
      api.experience.update({ id: added.id, start_date: '2025-01-01' }),
    );
    const earlyEnd = await refusal(api.experience.update({ id: added.id, end_date: '2020-01-01' }));

    expect(lateStart.code).toBe('validation_failed');
    expect(earlyEnd.code).toBe('validation_failed');
    expect(await api.experience.list()).toEqual([added]);
  });

  it('allows a late start once the end date is moved with it', async () => {
    const { api } = await member();
    const added = await api.experience.add(job);

    const updated = await api.experience.update({
      id: added.id,
      start_date: '2025-01-01',
      end_date: '2025-06-30',
    });

    expect(updated).toMatchObject({ start_date: '2025-01-01', end_date: '2025-06-30' });
  });

  it('answers an update with only an id with the row unchanged', async () => {
    const { api } = await member();
    const added = await api.experience.add(job);

    const updated = await api.experience.update({ id: added.id });

    expect(updated).toEqual(added);
  });

  it('deletes my experience', async () => {
    const { api } = await member();
    const kept = await api.experience.add({ ...job, title: 'Kept' });
    const removed = await api.experience.add({ ...job, title: 'Removed' });

    await api.experience.remove({ experience_id: removed.id });

    expect(await api.experience.list()).toEqual([kept]);
  });

  it("answers not found for another member's experience and leaves it alone", async () => {
    const owner = await member();
    const intruder = await member();
    const added = await owner.api.experience.add(job);

    const update = await refusal(
      intruder.api.experience.update({ id: added.id, title: 'Mine now' }),
    );
    const remove = await refusal(intruder.api.experience.remove({ experience_id: added.id }));

    expect(update.code).toBe('not_found');
    expect(remove.code).toBe('not_found');
    const [stored] = await h.services.db
      .select()
      .from(experiences)
      .where(eq(experiences.id, added.id));
    expect(stored).toMatchObject({ title: job.title, userId: owner.id });
  });

  it('answers not found for an id no row has', async () => {
    const { api } = await member();

    const update = await refusal(api.experience.update({ id: 999_999, title: 'Ghost' }));
    const remove = await refusal(api.experience.remove({ experience_id: 999_999 }));

    expect(update.code).toBe('not_found');
    expect(remove.code).toBe('not_found');
  });
});

const course = {
  course: 'Civil Engineering',
  school: 'Federal University of Agriculture Abeokuta',
  start_date: '2013-01-13',
  end_date: '2018-11-15',
  location: 'Abeokuta',
  detail: 'Second Class Upper.',
};

describe('education', () => {
  it('adds, lists by latest start, changes and deletes my education', async () => {
    const { api } = await member();
    const older = await api.education.add(course);
    const newer = await api.education.add({
      ...course,
      course: 'Backend',
      start_date: '2023-04-21',
      end_date: '2023-05-18',
    });

    const listed = await api.education.list();
    const updated = await api.education.update({ id: older.id, school: 'FUNAAB' });
    await api.education.remove({ education_id: newer.id });
    const remaining = await api.education.list();

    expect(older).toEqual({ id: expect.any(Number), ...course });
    expect(listed.map((item) => item.id)).toEqual([newer.id, older.id]);
    expect(updated).toEqual({ ...older, school: 'FUNAAB' });
    expect(remaining).toEqual([updated]);
  });

  it('shows an education without an end date as "Present"', async () => {
    const { api } = await member();

    const added = await api.education.add({ ...course, end_date: null });

    expect(added.end_date).toBe('Present');
  });

  it('refuses an end date before the start date, on add and on update', async () => {
    const { api } = await member();
    const added = await api.education.add(course);

    const onAdd = await refusal(api.education.add({ ...course, end_date: '2012-12-31' }));
    const onUpdate = await refusal(
      api.education.update({ id: added.id, start_date: '2019-01-01' }),
    );

    expect(onAdd.code).toBe('validation_failed');
    expect(onUpdate).toEqual({
      code: 'validation_failed',
      fields: { end_date: [expect.any(String)] },
    });
  });

  it("answers not found for another member's education", async () => {
    const owner = await member();
    const intruder = await member();
    const added = await owner.api.education.add(course);

    const update = await refusal(intruder.api.education.update({ id: added.id, course: 'Mine' }));
    const remove = await refusal(intruder.api.education.remove({ education_id: added.id }));

    expect([update.code, remove.code]).toEqual(['not_found', 'not_found']);
    expect(await owner.api.education.list()).toEqual([added]);
  });
});

const certificate = {
  title: 'Django Rest Framework',
  school: 'Coursera',
  issue_date: '2023-07-04',
  cert_id: 'ABC-123',
  skills: 'Python, Web development',
};

describe('certification', () => {
  it('adds, lists by latest issue, changes and deletes my certifications', async () => {
    const { api } = await member();
    const older = await api.certification.add(certificate);
    const newer = await api.certification.add({ ...certificate, issue_date: '2024-01-10' });

    const listed = await api.certification.list();
    const updated = await api.certification.update({ id: older.id, skills: 'Html, CSS' });
    await api.certification.remove({ certification_id: newer.id });
    const remaining = await api.certification.list();

    expect(older).toEqual({ id: expect.any(Number), ...certificate });
    expect(listed.map((item) => item.id)).toEqual([newer.id, older.id]);
    expect(updated).toEqual({ ...older, skills: 'Html, CSS' });
    expect(remaining).toEqual([updated]);
  });

  it('leaves cert_id and skills empty when they are left out', async () => {
    const { api } = await member();

    const added = await api.certification.add({
      title: 'Kubernetes',
      school: 'CNCF',
      issue_date: '2024-03-01',
    });

    expect(added).toMatchObject({ cert_id: '', skills: '' });
  });

  it("answers not found for another member's certification, also for an update with only an id", async () => {
    const owner = await member();
    const intruder = await member();
    const added = await owner.api.certification.add(certificate);

    const update = await refusal(intruder.api.certification.update({ id: added.id, title: 'x' }));
    const peek = await refusal(intruder.api.certification.update({ id: added.id }));
    const remove = await refusal(intruder.api.certification.remove({ certification_id: added.id }));

    expect([update.code, peek.code, remove.code]).toEqual(['not_found', 'not_found', 'not_found']);
    expect(await owner.api.certification.list()).toEqual([added]);
  });
});

describe('access', () => {
  it('refuses every career operation to a caller who is not signed in', async () => {
    const { profile } = await h.caller();

    const calls = [
      profile.experience.list(),
      profile.experience.add(job),
      profile.education.list(),
      profile.education.remove({ education_id: 1 }),
      profile.certification.update({ id: 1, title: 'x' }),
    ];

    for (const call of calls) expect((await refusal(call)).code).toBe('unauthenticated');
  });
});
