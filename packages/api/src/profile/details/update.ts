import { profiles, users, type UserType } from '@career-nexus/db';
import { eq, sql } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import { DomainError } from '../../errors.ts';
import { checkedContact } from './contact.ts';
import type { ProfileChange } from './contract.ts';
import type { Profile } from './read.ts';

type Deps = Pick<Services, 'db' | 'storage' | 'log'>;

const commonColumns = {
  first_name: 'firstName',
  last_name: 'lastName',
  middle_name: 'middleName',
  qualification: 'qualification',
  location: 'location',
  position: 'position',
  bio: 'bio',
  summary: 'summary',
  timezone: 'timezone',
} as const satisfies Partial<Record<keyof ProfileChange, keyof Profile>>;

const mentorColumns = {
  years_of_experience: 'yearsOfExperience',
  availability: 'availability',
  current_job: 'currentJob',
  areas_of_expertise: 'areasOfExpertise',
  technical_skills: 'technicalSkills',
  mentorship_styles: 'mentorshipStyles',
  linkedin_url: 'linkedinUrl',
} as const satisfies Partial<Record<keyof ProfileChange, keyof Profile>>;

const mediaColumns = {
  profile_photo: 'profilePhoto',
  cover_photo: 'coverPhoto',
  intro_video: 'introVideo',
  resume: 'resume',
} as const satisfies Partial<Record<keyof ProfileChange, keyof Profile>>;

export interface ProfileUpdate {
  profile: Profile;
  userType: UserType;
}

/**
 * Applies a change to a member's profile. Mentor-only fields of a learner
 * are left out (the contract has validated them all the same). Files the
 * change replaces are deleted from storage once the row no longer names
 * them; a failed delete only leaves garbage, so it is logged, not thrown.
 */
export async function updateProfile(
  deps: Deps,
  userId: number,
  change: ProfileChange,
): Promise<ProfileUpdate> {
  const { before, after, userType } = await writeChange(deps, userId, change);

  await removeStored(deps, replacedKeys(before, after));
  return { profile: after, userType };
}

async function writeChange({ db }: Deps, userId: number, change: ProfileChange) {
  return db.transaction(async (tx) => {
    // Locked so that two updates cannot both miss the file the other replaced.
    const [current] = await tx
      .select({ profile: profiles, userType: users.userType })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .where(eq(profiles.userId, userId))
      .for('update', { of: profiles });
    if (!current) throw new DomainError('not_found', 'This profile no longer exists.');

    const values = {
      ...valuesOf(change, commonColumns),
      ...(current.userType === 'mentor' && valuesOf(change, mentorColumns)),
      ...mediaKeysOf(change),
      ...(await checkedContact(tx, current.profile, change)),
      updatedAt: sql`now()`,
    };
    const [after] = await tx
      .update(profiles)
      .set(values)
      .where(eq(profiles.userId, userId))
      .returning();
    return { before: current.profile, after: after!, userType: current.userType };
  });
}

/** The fields of `change` that were sent, under their column names. */
function valuesOf(change: ProfileChange, names: Record<string, keyof Profile>): Partial<Profile> {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(names)) {
    const value = change[field as keyof ProfileChange];
    if (value !== undefined) values[column] = value;
  }
  return values as Partial<Profile>;
}

function mediaKeysOf(change: ProfileChange): Partial<Profile> {
  const keys: Partial<Profile> = {};
  for (const [field, column] of Object.entries(mediaColumns)) {
    const file = change[field as keyof typeof mediaColumns];
    if (file) keys[column] = file.key;
  }
  return keys;
}

function replacedKeys(before: Profile, after: Profile): string[] {
  return Object.values(mediaColumns).flatMap((column) => {
    const old = before[column];
    return old && old !== after[column] ? [old] : [];
  });
}

async function removeStored({ storage, log }: Deps, keys: string[]): Promise<void> {
  const results = await Promise.allSettled(keys.map((key) => storage.remove(key)));
  results.forEach((result, index) => {
    if (result.status === 'rejected') {
      log.warn({ err: result.reason, key: keys[index] }, 'replaced file not deleted');
    }
  });
}
