import { profileViews } from '@career-nexus/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signUp } from './fixtures/members.ts';
import { refusal } from './fixtures/refusals.ts';
import { sdkTestServer } from './fixtures/sdk.ts';

const sdk = sdkTestServer();

/** A member's signed-in SDK client. */
async function member(as: 'learner' | 'mentor') {
  const signedUp = await signUp(sdk.server, as);
  const client = sdk.connect({ token: signedUp.access, refreshToken: signedUp.refresh });
  return { id: signedUp.id, profile: client.profile };
}

describe('profiles through the SDK', () => {
  it("reads one's own profile in the learner shape", async () => {
    const me = await member('learner');

    const profile = await me.profile.retrieve.query();

    expect(profile).toMatchObject({
      first_name: 'N/A',
      country_code: '',
      intro_video: 'N/A',
      user_type: 'learner',
    });
    expect(profile.profile_photo).toMatch(/\/assets\/default-profile-photo\.png$/);
  });

  it("reads a mentor's profile by user_id, with the mentor fields, and records the view", async () => {
    const me = await member('learner');
    const other = await member('mentor');

    const profile = await me.profile.retrieve.query({ user_id: other.id });

    expect(profile.user_type).toBe('mentor');
    expect(profile).toHaveProperty('technical_skills', []);
    const views = await sdk.server.services.db.$count(
      profileViews,
      eq(profileViews.profileId, other.id),
    );
    expect(views).toBe(1);
  });

  it('answers not_found for a user id of no member', async () => {
    const me = await member('learner');

    expect(await refusal(me.profile.retrieve.query({ user_id: 2_000_000_000 }))).toMatchObject({
      code: 'not_found',
    });
  });

  it("updates a mentor's fields and answers the mentor shape", async () => {
    const me = await member('mentor');

    const updated = await me.profile.update.mutate({
      first_name: 'Abdul Azeez',
      country_code: '+234',
      phone_number: '08021234567',
      years_of_experience: 6,
      availability: 'weekends',
      technical_skills: ['Python', 'AI/ML'],
      timezone: 'Africa/Lagos',
    });

    expect(updated).toMatchObject({
      first_name: 'Abdul Azeez',
      country_code: '+234',
      phone_number: '8021234567',
      years_of_experience: 6,
      availability: 'weekends',
      technical_skills: ['Python', 'AI/ML'],
      timezone: 'Africa/Lagos',
      user_type: 'mentor',
    });
    expect(await me.profile.retrieve.query()).toMatchObject({ first_name: 'Abdul Azeez' });
  });

  it("keeps a learner's profile free of mentor fields sent to it", async () => {
    const me = await member('learner');

    const updated = await me.profile.update.mutate({ bio: 'Learning', technical_skills: ['Go'] });

    expect(updated).toMatchObject({ bio: 'Learning', user_type: 'learner' });
    expect(updated).not.toHaveProperty('technical_skills');
  });

  it('refuses invalid fields with validation_failed, naming each field', async () => {
    const me = await member('mentor');

    const refused = await refusal(
      me.profile.update.mutate({
        phone_number: '123',
        country_code: '+234',
        timezone: 'Atlantis/Capital',
        bio: 'x'.repeat(4001),
      }),
    );

    expect(refused).toEqual({ code: 'validation_failed', fields: ['bio', 'timezone'] });
  });

  it('refuses a phone number not valid for the country code', async () => {
    const me = await member('learner');

    const refused = await refusal(
      me.profile.update.mutate({ country_code: '+234', phone_number: '123' }),
    );

    expect(refused).toEqual({ code: 'validation_failed', fields: ['phone_number'] });
  });
});
