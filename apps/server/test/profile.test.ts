import {
  certifications,
  countries,
  educations,
  experiences,
  follows,
  profiles,
  profileViews,
} from '@career-nexus/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Member } from './fixtures/members.ts';
import { countingCaller as countingCallerOf } from './fixtures/counting.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const learner = () => signUp(server, 'learner');
const mentor = () => signUp(server, 'mentor');

const learnerKeys = [
  'first_name',
  'last_name',
  'middle_name',
  'country_code',
  'phone_number',
  'cover_photo',
  'profile_photo',
  'location',
  'position',
  'bio',
  'qualification',
  'intro_video',
  'summary',
  'experience',
  'education',
  'certification',
  'followers',
  'followings',
  'resume',
  'timezone',
  'user_type',
];

const mentorKeys = [
  ...learnerKeys.slice(0, learnerKeys.indexOf('followers')),
  'years_of_experience',
  'availability',
  'current_job',
  'areas_of_expertise',
  'technical_skills',
  'mentorship_styles',
  'resume',
  'timezone',
  'linkedin_url',
  'followers',
  'followings',
  'user_type',
];

const updatedLearnerKeys = [
  'first_name',
  'last_name',
  'middle_name',
  'country_code',
  'phone_number',
  'profile_photo',
  'cover_photo',
  'qualification',
  'intro_video',
  'location',
  'bio',
  'position',
  'summary',
  'timezone',
  'resume',
  'user_type',
];

const updatedMentorKeys = [
  ...updatedLearnerKeys.slice(0, updatedLearnerKeys.indexOf('timezone')),
  'years_of_experience',
  'availability',
  'current_job',
  'areas_of_expertise',
  'technical_skills',
  'mentorship_styles',
  'timezone',
  'linkedin_url',
  'resume',
  'user_type',
];

async function profileRow(member: Member) {
  const [row] = await server.services.db
    .select()
    .from(profiles)
    .where(eq(profiles.userId, member.id));
  return row!;
}

async function viewsOf(member: Member): Promise<number> {
  return server.services.db.$count(profileViews, eq(profileViews.profileId, member.id));
}

/** Adds `count` rows of each career list to a member, straight into the database. */
async function fillCareer(member: Member, count: number) {
  const db = server.services.db;
  const years = Array.from({ length: count }, (_, i) => 2010 + i);
  for (const year of years) {
    await db.insert(experiences).values({
      userId: member.id,
      title: `Role ${year}`,
      organization: 'Delta Logistics',
      startDate: `${year}-01-15`,
      endDate: year === 2010 ? null : `${year}-12-15`,
      employmentType: 'Remote',
    });
    await db.insert(educations).values({
      userId: member.id,
      course: `Course ${year}`,
      school: 'FUNAAB',
      startDate: `${year}-02-01`,
    });
    await db.insert(certifications).values({
      userId: member.id,
      title: `Cert ${year}`,
      school: 'Coursera',
      issueDate: `${year}-03-01`,
    });
  }
}

/** A caller acting as `member` that records its SQL statements. */
async function countingCaller(member: Member) {
  const { caller, statements } = await countingCallerOf(server, member.access);
  return { profile: caller.profile, statements };
}

describe('GET /user/retrieve-profile/', () => {
  it("shows a new learner's defaults: N/A names, empty contact fields, default images", async () => {
    const me = await learner();

    const response = await me.get('/user/retrieve-profile/');

    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(learnerKeys);
    expect(response.body).toMatchObject({
      first_name: 'N/A',
      last_name: 'N/A',
      middle_name: 'N/A',
      country_code: '',
      phone_number: '',
      intro_video: 'N/A',
      resume: 'N/A',
      experience: [],
      followers: 0,
      followings: 0,
      timezone: 'UTC',
      user_type: 'learner',
    });
  });

  it('gives default profile and cover photo URLs that serve PNG images', async () => {
    const me = await learner();
    const { body } = await me.get('/user/retrieve-profile/');

    const photos = await Promise.all([fetch(body.profile_photo), fetch(body.cover_photo)]);

    for (const photo of photos) {
      expect(photo.status).toBe(200);
      expect(photo.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await photo.arrayBuffer());
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
    expect(body.profile_photo).toMatch(new RegExp(`^${server.url}/`));
  });

  it('shows a mentor in the mentor shape, with the documented keys in order', async () => {
    const me = await mentor();

    const response = await me.get('/user/retrieve-profile/');

    expect(Object.keys(response.body)).toEqual(mentorKeys);
    expect(response.body).toMatchObject({
      years_of_experience: 0,
      availability: null,
      technical_skills: [],
      linkedin_url: null,
      user_type: 'mentor',
    });
  });

  it('lists experience and education newest start first, open periods as Present', async () => {
    const me = await learner();
    await fillCareer(me, 3);

    const { body } = await me.get('/user/retrieve-profile/');

    expect(body.experience.map((row: { title: string }) => row.title)).toEqual([
      'Role 2012',
      'Role 2011',
      'Role 2010',
    ]);
    expect(body.experience[2]).toEqual({
      id: expect.any(Number),
      title: 'Role 2010',
      organization: 'Delta Logistics',
      start_date: '2010-01-15',
      end_date: 'Present',
      location: '',
      employment_type: 'Remote',
      detail: '',
    });
    expect(body.education[0]).toMatchObject({ course: 'Course 2012', end_date: 'Present' });
    expect(body.certification[0]).toMatchObject({ title: 'Cert 2012', issue_date: '2012-03-01' });
  });

  it('counts who follows the member and whom the member follows', async () => {
    const [me, a, b] = [await learner(), await learner(), await mentor()];
    await server.services.db.insert(follows).values([
      { followerId: a.id, followingId: me.id },
      { followerId: b.id, followingId: me.id },
      { followerId: me.id, followingId: b.id },
    ]);

    const { body } = await me.get('/user/retrieve-profile/');

    expect(body).toMatchObject({ followers: 2, followings: 1 });
  });

  it("shows another member's profile by user_id in that member's shape", async () => {
    const me = await learner();
    const other = await mentor();

    const response = await me.get(`/user/retrieve-profile/?user_id=${other.id}`);

    expect(response.status).toBe(200);
    expect(response.body.user_type).toBe('mentor');
  });

  it("records a view when a member reads someone else's profile, and none for their own", async () => {
    const me = await learner();
    const visitor = await learner();

    await me.get('/user/retrieve-profile/');
    await me.get(`/user/retrieve-profile/?user_id=${me.id}`);
    await visitor.get(`/user/retrieve-profile/?user_id=${me.id}`);

    expect(await viewsOf(me)).toBe(1);
    const [view] = await server.services.db
      .select()
      .from(profileViews)
      .where(eq(profileViews.profileId, me.id));
    expect(view!.viewerId).toBe(visitor.id);
  });

  it('answers 404 for a user id that belongs to no member', async () => {
    const me = await learner();

    const response = await me.get('/user/retrieve-profile/?user_id=2000000000');

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('not_found');
  });

  it('answers 400 for a user id that is not a positive whole number', async () => {
    const me = await learner();

    const response = await me.get('/user/retrieve-profile/?user_id=abc');

    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['user_id']);
  });

  it('answers 401 without a token', async () => {
    const response = await fetch(`${server.url}/user/retrieve-profile/`);

    expect(response.status).toBe(401);
  });

  it('reads a profile in one SQL statement whatever the list sizes, two for a recorded view', async () => {
    const empty = await learner();
    const full = await mentor();
    await fillCareer(full, 6);
    const own = await countingCaller(empty);
    const owner = await countingCaller(full);
    const visitor = await countingCaller(empty);

    await own.profile.retrieve();
    const read = await owner.profile.retrieve();
    await visitor.profile.retrieve({ user_id: full.id });

    expect(read.experience).toHaveLength(6);
    expect(own.statements).toHaveLength(1);
    expect(owner.statements).toHaveLength(1);
    expect(visitor.statements).toHaveLength(2);
    expect(visitor.statements[1]).toMatch(/^insert into "profile_views"/);
  });
});

describe('PUT /user/profile-update/ with JSON', () => {
  it('changes the fields sent, keeps the others, and answers the learner update shape', async () => {
    const me = await learner();
    await me.put('/user/profile-update/', { location: 'Ogun', bio: 'Developer' });

    const response = await me.put('/user/profile-update/', {
      first_name: 'Opeyemi',
      last_name: 'Saliu',
      qualification: 'B.Eng',
      timezone: 'Africa/Lagos',
    });

    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(updatedLearnerKeys);
    expect(response.body).toMatchObject({
      first_name: 'Opeyemi',
      last_name: 'Saliu',
      middle_name: 'N/A',
      qualification: 'B.Eng',
      location: 'Ogun',
      bio: 'Developer',
      timezone: 'Africa/Lagos',
      user_type: 'learner',
    });
  });

  it("updates a mentor's own fields and answers the mentor update shape", async () => {
    const me = await mentor();

    const response = await me.put('/user/profile-update/', {
      years_of_experience: 6,
      availability: 'weekends',
      current_job: 'Backend Developer',
      technical_skills: ['Python', 'Shell Scripting'],
      mentorship_styles: ['Pairing'],
      linkedin_url: 'https://www.linkedin.com/in/someone',
      timezone: 'Canada/Central',
    });

    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(updatedMentorKeys);
    expect(response.body).toMatchObject({
      years_of_experience: 6,
      availability: 'weekends',
      current_job: 'Backend Developer',
      areas_of_expertise: [],
      technical_skills: ['Python', 'Shell Scripting'],
      mentorship_styles: ['Pairing'],
      linkedin_url: 'https://www.linkedin.com/in/someone',
      timezone: 'Canada/Central',
    });
  });

  it('ignores mentor-only fields sent by a learner', async () => {
    const me = await learner();

    const response = await me.put('/user/profile-update/', {
      bio: 'Curious',
      years_of_experience: 4,
      technical_skills: ['Go'],
      availability: 'weekdays',
    });

    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('technical_skills');
    expect(await profileRow(me)).toMatchObject({
      bio: 'Curious',
      yearsOfExperience: 0,
      technicalSkills: [],
      availability: null,
    });
  });

  it('still validates mentor-only fields sent by a learner', async () => {
    const me = await learner();

    const response = await me.put('/user/profile-update/', {
      years_of_experience: -1,
      availability: 'sometimes',
      linkedin_url: 'not a link',
    });

    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields).sort()).toEqual([
      'availability',
      'linkedin_url',
      'years_of_experience',
    ]);
  });

  it('refuses names past 200 characters, a bio past 4,000 and a summary past 5,000', async () => {
    const me = await learner();

    const response = await me.put('/user/profile-update/', {
      first_name: 'a'.repeat(201),
      middle_name: 'b'.repeat(200),
      bio: 'c'.repeat(4001),
      summary: 'd'.repeat(5001),
    });

    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields).sort()).toEqual(['bio', 'first_name', 'summary']);
  });

  it('stores a phone number valid for its country code as its national number', async () => {
    const me = await learner();

    const response = await me.put('/user/profile-update/', {
      country_code: '+234',
      phone_number: '0802 123 4567',
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ country_code: '+234', phone_number: '8021234567' });
  });

  it('checks a phone number sent alone against the stored country code', async () => {
    const me = await learner();
    await me.put('/user/profile-update/', { country_code: '+1' });

    const valid = await me.put('/user/profile-update/', { phone_number: '(201) 555-0123' });
    const nigerian = await me.put('/user/profile-update/', { phone_number: '08021234567' });

    expect(valid.body).toMatchObject({ country_code: '+1', phone_number: '2015550123' });
    expect(nigerian.status).toBe(400);
    expect(Object.keys(nigerian.body.fields)).toEqual(['phone_number']);
  });

  it('refuses a phone number that is not valid for the country code', async () => {
    const me = await learner();

    const short = await me.put('/user/profile-update/', {
      country_code: '+234',
      phone_number: '12345',
    });
    const foreign = await me.put('/user/profile-update/', {
      country_code: '+234',
      phone_number: '+447400123456',
    });

    for (const response of [short, foreign]) {
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(Object.keys(response.body.fields)).toEqual(['phone_number']);
    }
  });

  it('refuses a phone number when no country code is known', async () => {
    const me = await learner();

    const response = await me.put('/user/profile-update/', { phone_number: '08021234567' });

    expect(response.status).toBe(400);
    expect(response.body.fields.phone_number).toEqual([
      'Give a country_code with the phone number.',
    ]);
  });

  it('refuses the calling code of a country that staff disabled, alone or with a number', async () => {
    const me = await learner();
    await server.services.db
      .update(countries)
      .set({ enabled: false })
      .where(eq(countries.isoCode, 'GH'));

    const alone = await me.put('/user/profile-update/', { country_code: '+233' });
    const withNumber = await me.put('/user/profile-update/', {
      country_code: '+233',
      phone_number: '0231234567',
    });

    for (const response of [alone, withNumber]) {
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.fields)).toEqual(['country_code']);
    }
    expect(await profileRow(me)).toMatchObject({ countryCode: '', phoneNumber: '' });
  });

  it('refuses a number of a disabled country under a calling code other countries share', async () => {
    const me = await learner();
    await server.services.db
      .update(countries)
      .set({ enabled: false })
      .where(and(eq(countries.isoCode, 'CA'), eq(countries.callingCode, '+1')));

    const canadian = await me.put('/user/profile-update/', {
      country_code: '+1',
      phone_number: '506 234 5678',
    });
    const american = await me.put('/user/profile-update/', {
      country_code: '+1',
      phone_number: '201 555 0123',
    });

    expect(canadian.status).toBe(400);
    expect(Object.keys(canadian.body.fields)).toEqual(['country_code']);
    expect(american.status).toBe(200);
  });

  it('refuses a country code that is no calling code', async () => {
    const me = await learner();

    const response = await me.put('/user/profile-update/', { country_code: '+999' });

    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['country_code']);
  });

  it('refuses a time zone that IANA does not name, and keeps the stored one', async () => {
    const me = await learner();

    const unknown = await me.put('/user/profile-update/', { timezone: 'Mars/Olympus_Mons' });
    const offset = await me.put('/user/profile-update/', { timezone: '+01:00' });

    for (const response of [unknown, offset]) {
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.fields)).toEqual(['timezone']);
    }
    expect((await profileRow(me)).timezone).toBe('UTC');
  });

  it('stores a time zone in its canonical spelling', async () => {
    const me = await learner();

    const response = await me.put('/user/profile-update/', { timezone: 'africa/lagos' });

    expect(response.body.timezone).toBe('Africa/Lagos');
  });

  it('refuses a list field that is not a list of strings', async () => {
    const me = await mentor();

    const text = await me.put('/user/profile-update/', { technical_skills: 'Python' });
    const numbers = await me.put('/user/profile-update/', { areas_of_expertise: [1, 2] });
    const blank = await me.put('/user/profile-update/', { mentorship_styles: [''] });

    for (const response of [text, numbers, blank]) expect(response.status).toBe(400);
    expect(Object.keys(text.body.fields)).toEqual(['technical_skills']);
    expect(Object.keys(numbers.body.fields)).toEqual([
      'areas_of_expertise.0',
      'areas_of_expertise.1',
    ]);
  });

  it('cannot be pointed at a stored file by a JSON object shaped like one', async () => {
    const me = await learner();
    const forged = { key: 'profile_photo/someone-else.png', url: 'x', size: 1 };

    const response = await me.put('/user/profile-update/', { profile_photo: forged });

    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['profile_photo']);
  });

  it('answers the same profile for an empty change', async () => {
    const me = await learner();

    const response = await me.put('/user/profile-update/', {});

    expect(response.status).toBe(200);
    expect(response.body.first_name).toBe('N/A');
  });
});
