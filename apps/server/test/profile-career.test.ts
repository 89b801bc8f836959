import { connections, posts, profiles, profileViews } from '@career-nexus/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

const password = 'Sturdy-Pass1';
let server: TestServer;
let n = 0;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function call(method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, body: text ? JSON.parse(text) : null };
}

/** A member signed up through the documented OTP flow, with the calls they make. */
async function member() {
  const email = `career${++n}@example.com`;
  await call('POST', '/user/signup/', { email, password1: password, password2: password });
  await expect.poll(async () => (await server.mailTo(email)).length).toBe(1);
  const otp = /\b(\d{6})\b/.exec((await server.mailTo(email))[0]!.text)![1]!;
  const done = await call('POST', '/user/signup/', {
    email,
    password1: password,
    password2: password,
    otp,
  });
  const token = done.body.access as string;
  return {
    id: await userIdOf(token),
    get: (path: string) => call('GET', path, undefined, token),
    post: (path: string, body: unknown) => call('POST', path, body, token),
    put: (path: string, body: unknown) => call('PUT', path, body, token),
    delete: (path: string) => call('DELETE', path, undefined, token),
  };
}

async function userIdOf(token: string): Promise<number> {
  const session = await server.services.sessions.validate(token);
  return session!.user.id;
}

const job = {
  title: 'Extension Officer',
  organization: 'Aller Aqua',
  start_date: '2022-12-21',
  end_date: '2024-12-20',
  location: 'Lagos',
  employment_type: 'Onsite',
  detail: 'Managed the sales department of the company.',
};

describe('/user/experience/', () => {
  it('adds an experience with 201 and answers the documented fields with an id', async () => {
    const me = await member();

    const added = await me.post('/user/experience/', job);

    expect(added.status).toBe(201);
    expect(added.body).toEqual({ id: expect.any(Number), ...job });
  });

  it('shows an experience added without an end date as "Present"', async () => {
    const me = await member();

    const added = await me.post('/user/experience', { ...job, end_date: undefined });

    expect(added.status).toBe(201);
    expect(added.body.end_date).toBe('Present');
  });

  it('lists my experiences as a plain array, the latest start first, at both spellings', async () => {
    const me = await member();
    const other = await member();
    await me.post('/user/experience/', { ...job, title: 'Older', start_date: '2021-02-15' });
    await me.post('/user/experience/', { ...job, title: 'Newer', start_date: '2023-01-01' });
    await other.post('/user/experience/', { ...job, title: 'Not mine' });

    const slash = await me.get('/user/experience/');
    const bare = await me.get('/user/experience');

    expect(slash.status).toBe(200);
    expect(slash.body.map((item: { title: string }) => item.title)).toEqual(['Newer', 'Older']);
    expect(bare.body).toEqual(slash.body);
  });

  it('refuses an end date before the start date with 400 naming end_date', async () => {
    const me = await member();

    const refused = await me.post('/user/experience/', { ...job, end_date: '2020-01-01' });

    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'validation_failed',
      fields: { end_date: [expect.any(String)] },
    });
  });

  it('refuses a wrong employment type and a malformed date with 400', async () => {
    const me = await member();

    const refused = await me.post('/user/experience/', {
      ...job,
      employment_type: 'remote',
      start_date: '21-12-2022',
    });

    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.fields).sort()).toEqual(['employment_type', 'start_date']);
  });
});

describe('PUT /user/update-experience/', () => {
  it('changes the fields sent and answers 201 with the whole row', async () => {
    const me = await member();
    const added = (await me.post('/user/experience/', job)).body;

    const updated = await me.put('/user/update-experience/', {
      id: added.id,
      title: 'Research Methodologist/Programmer',
      end_date: null,
    });

    expect(updated.status).toBe(201);
    expect(updated.body).toEqual({
      ...added,
      title: 'Research Methodologist/Programmer',
      end_date: 'Present',
    });
  });

  it('refuses a start date after the stored end date with 400', async () => {
    const me = await member();
    const added = (await me.post('/user/experience/', job)).body;

    const refused = await me.put('/user/update-experience', {
      id: added.id,
      start_date: '2025-01-01',
    });

    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('validation_failed');
  });

  it("answers 404 for another member's experience and for an unknown id", async () => {
    const owner = await member();
    const intruder = await member();
    const added = (await owner.post('/user/experience/', job)).body;

    const theirs = await intruder.put('/user/update-experience/', { id: added.id, title: 'Mine' });
    const unknown = await owner.put('/user/update-experience/', { id: 987_654, title: 'Ghost' });

    expect(theirs).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect((await owner.get('/user/experience/')).body).toEqual([added]);
  });
});

describe('DELETE /user/experience/?experience_id=', () => {
  it('deletes my experience with 204 and no body', async () => {
    const me = await member();
    const added = (await me.post('/user/experience/', job)).body;

    const removed = await me.delete(`/user/experience/?experience_id=${added.id}`);

    expect(removed.status).toBe(204);
    expect(removed.text).toBe('');
    expect((await me.get('/user/experience/')).body).toEqual([]);
  });

  it("answers 404 for another member's experience and keeps it", async () => {
    const owner = await member();
    const intruder = await member();
    const added = (await owner.post('/user/experience/', job)).body;

    const refused = await intruder.delete(`/user/experience?experience_id=${added.id}`);

    expect(refused).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect((await owner.get('/user/experience/')).body).toEqual([added]);
  });

  it('answers 400 without the experience_id query parameter or with a non-number', async () => {
    const me = await member();

    const missing = await me.delete('/user/experience/');
    const word = await me.delete('/user/experience/?experience_id=five');

    expect(missing).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    expect(missing.body.fields).toHaveProperty('experience_id');
    expect(word.status).toBe(400);
  });
});

const course = {
  course: 'Backend Development',
  school: 'Meta through Coursera',
  start_date: '2023-04-21',
  end_date: '2023-05-18',
  location: 'Online',
  detail: 'Completed Online course',
};

describe('/user/education/', () => {
  it('adds with 201, lists the latest start first, changes with 201 and deletes with 204', async () => {
    const me = await member();
    const older = await me.post('/user/education/', {
      ...course,
      start_date: '2013-01-13',
      end_date: '2018-11-15',
    });
    const newer = await me.post('/user/education', course);

    const listed = await me.get('/user/education/');
    const updated = await me.put('/user/education/', { id: older.body.id, end_date: 'Present' });
    const removed = await me.delete(`/user/education/?education_id=${newer.body.id}`);

    expect(older.status).toBe(201);
    expect(newer.body).toEqual({ id: expect.any(Number), ...course });
    expect(listed.body.map((item: { id: number }) => item.id)).toEqual([
      newer.body.id,
      older.body.id,
    ]);
    expect(updated).toMatchObject({
      status: 201,
      body: { id: older.body.id, end_date: 'Present' },
    });
    expect(removed).toMatchObject({ status: 204, text: '' });
    expect((await me.get('/user/education')).body).toEqual([updated.body]);
  });

  it('refuses an end date before the start date with 400', async () => {
    const me = await member();

    const refused = await me.post('/user/education/', { ...course, end_date: '2023-04-20' });

    expect(refused).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
  });

  it("answers 404 for another member's education and 400 without education_id", async () => {
    const owner = await member();
    const intruder = await member();
    const added = (await owner.post('/user/education/', course)).body;

    const update = await intruder.put('/user/education/', { id: added.id, school: 'Mine' });
    const remove = await intruder.delete(`/user/education/?education_id=${added.id}`);
    const missing = await owner.delete('/user/education/');

    expect(update.status).toBe(404);
    expect(remove.status).toBe(404);
    expect(missing.status).toBe(400);
    expect((await owner.get('/user/education/')).body).toEqual([added]);
  });
});

const certificate = {
  title: 'Introduction to frontend development',
  school: 'Coursera',
  issue_date: '2023-07-04',
  cert_id: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  skills: 'Html,CSS',
};

describe('/user/certification/', () => {
  it('adds with 201, lists the latest issue first, changes with 201 and deletes with 204', async () => {
    const me = await member();
    const older = await me.post('/user/certification/', {
      ...certificate,
      issue_date: '2021-01-01',
    });
    const newer = await me.post('/user/certification', certificate);

    const listed = await me.get('/user/certification/');
    const updated = await me.put('/user/certification', { id: older.body.id, skills: 'React' });
    const removed = await me.delete(`/user/certification/?certification_id=${newer.body.id}`);

    expect(newer).toMatchObject({ status: 201, body: { id: expect.any(Number), ...certificate } });
    expect(listed.body.map((item: { id: number }) => item.id)).toEqual([
      newer.body.id,
      older.body.id,
    ]);
    expect(updated).toMatchObject({ status: 201, body: { ...older.body, skills: 'React' } });
    expect(removed).toMatchObject({ status: 204, text: '' });
    expect((await me.get('/user/certification/')).body).toEqual([updated.body]);
  });

  it("answers 404 for another member's certification and 400 without certification_id", async () => {
    const owner = await member();
    const intruder = await member();
    const added = (await owner.post('/user/certification/', certificate)).body;

    const update = await intruder.put('/user/certification/', { id: added.id, title: 'Mine' });
    const remove = await intruder.delete(`/user/certification/?certification_id=${added.id}`);
    const missing = await owner.delete('/user/certification/');

    expect(update.status).toBe(404);
    expect(remove.status).toBe(404);
    expect(missing.status).toBe(400);
    expect((await owner.get('/user/certification/')).body).toEqual([added]);
  });
});

describe('GET /user/analytics/', () => {
  it('counts my posts with reposts, views by others and confirmed connections', async () => {
    const me = await member();
    const other = await member();
    const third = await member();
    const db = server.services.db;
    const before = await me.get('/user/analytics/');

    const [original] = await db
      .insert(posts)
      .values({ authorId: other.id, body: 'original' })
      .returning();
    await db.insert(posts).values([
      { authorId: me.id, body: 'mine' },
      { authorId: me.id, body: '', parentId: original!.id },
    ]);
    await db.insert(profileViews).values([
      { profileId: me.id, viewerId: other.id },
      { profileId: me.id, viewerId: third.id },
    ]);
    await db.insert(connections).values([
      { requesterId: other.id, recipientId: me.id, status: 'CONFIRMED' },
      { requesterId: me.id, recipientId: third.id, status: 'PENDING' },
    ]);
    const after = await me.get('/user/analytics');

    expect(before).toMatchObject({
      status: 200,
      body: { total_posts: 0, total_views: 0, total_connections: 0 },
    });
    expect(after.body).toEqual({ total_posts: 2, total_views: 2, total_connections: 1 });
  });
});

describe('GET /user/completion/', () => {
  it('grows by each item weight as the profile fills, and keeps the documented order', async () => {
    const me = await member();
    const empty = await me.get('/user/completion/');

    await me.post('/user/experience/', job);
    await me.post('/user/education/', course);
    await server.services.db
      .update(profiles)
      .set({ bio: 'Developer|Programmer', profilePhoto: 'photos/me.png' })
      .where(eq(profiles.userId, me.id));
    const partial = await me.get('/user/completion');
    await me.post('/user/certification/', certificate);
    await server.services.db
      .update(profiles)
      .set({ introVideo: 'videos/me.mp4' })
      .where(eq(profiles.userId, me.id));
    const full = await me.get('/user/completion/');

    expect(empty).toMatchObject({ status: 200, body: { completion: 0, complete_items: [] } });
    expect(empty.body.incomplete_items).toEqual([
      'profile_photo',
      'intro_video',
      'experience',
      'certification',
      'bio',
      'education',
    ]);
    expect(partial.body).toEqual({
      completion: 70,
      incomplete_items: ['intro_video', 'certification'],
      complete_items: ['profile_photo', 'experience', 'bio', 'education'],
    });
    expect(full.body).toEqual({
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
});

describe('without a token', () => {
  it('answers 401 on every career and insight operation', async () => {
    const requests: Array<[string, string, unknown?]> = [
      ['GET', '/user/experience/'],
      ['POST', '/user/experience/', job],
      ['PUT', '/user/update-experience/', { id: 1, title: 'x' }],
      ['DELETE', '/user/experience/?experience_id=1'],
      ['GET', '/user/education'],
      ['POST', '/user/education/', course],
      ['PUT', '/user/education/', { id: 1 }],
      ['DELETE', '/user/education/?education_id=1'],
      ['GET', '/user/certification/'],
      ['POST', '/user/certification/', certificate],
      ['PUT', '/user/certification/', { id: 1 }],
      ['DELETE', '/user/certification/?certification_id=1'],
      ['GET', '/user/analytics/'],
      ['GET', '/user/completion'],
    ];

    const statuses = await Promise.all(
      requests.map(async ([method, path, body]) => [
        method,
        path,
        (await call(method, path, body)).status,
      ]),
    );

    expect(statuses).toEqual(requests.map(([method, path]) => [method, path, 401]));
  });
});
