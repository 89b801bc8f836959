import type { UserType } from '@career-nexus/db';
import { certificationToWire } from '../career/certification.ts';
import { educationToWire } from '../career/education.ts';
import { experienceToWire } from '../career/experience.ts';
import type { RetrievedProfile, UpdatedProfile } from './contract.ts';
import type { MediaUrls } from './media.ts';
import type { Profile, ProfileRecord } from './read.ts';

// The one place a profile becomes its documented shapes. Keys are written
// in the document's order, which JSON replies keep.

function contactOf(profile: Profile) {
  return {
    first_name: profile.firstName,
    last_name: profile.lastName,
    middle_name: profile.middleName,
    country_code: profile.countryCode,
    phone_number: profile.phoneNumber,
  };
}

function mentorFieldsOf(profile: Profile) {
  return {
    years_of_experience: profile.yearsOfExperience,
    availability: profile.availability,
    current_job: profile.currentJob,
    areas_of_expertise: profile.areasOfExpertise,
    technical_skills: profile.technicalSkills,
    mentorship_styles: profile.mentorshipStyles,
  };
}

/** The shape of `GET /user/retrieve-profile/`. */
export function retrievedToWire(record: ProfileRecord, media: MediaUrls): RetrievedProfile {
  const { profile } = record;
  const head = {
    ...contactOf(profile),
    cover_photo: media.coverPhoto,
    profile_photo: media.profilePhoto,
    location: profile.location,
    position: profile.position,
    bio: profile.bio,
    qualification: profile.qualification,
    intro_video: media.introVideo,
    summary: profile.summary,
    experience: record.experience.map(experienceToWire),
    education: record.education.map(educationToWire),
    certification: record.certification.map(certificationToWire),
  };
  const counts = { followers: record.followers, followings: record.followings };

  if (record.userType === 'learner') {
    return {
      ...head,
      ...counts,
      resume: media.resume,
      timezone: profile.timezone,
      user_type: 'learner',
    };
  }
  return {
    ...head,
    ...mentorFieldsOf(profile),
    resume: media.resume,
    timezone: profile.timezone,
    linkedin_url: profile.linkedinUrl,
    ...counts,
    user_type: 'mentor',
  };
}

/** The shape of `PUT /user/profile-update/`. */
export function updatedToWire(
  profile: Profile,
  userType: UserType,
  media: MediaUrls,
): UpdatedProfile {
  const head = {
    ...contactOf(profile),
    profile_photo: media.profilePhoto,
    cover_photo: media.coverPhoto,
    qualification: profile.qualification,
    intro_video: media.introVideo,
    location: profile.location,
    bio: profile.bio,
    position: profile.position,
    summary: profile.summary,
  };

  if (userType === 'learner') {
    return { ...head, timezone: profile.timezone, resume: media.resume, user_type: 'learner' };
  }
  return {
    ...head,
    ...mentorFieldsOf(profile),
    timezone: profile.timezone,
    linkedin_url: profile.linkedinUrl,
    resume: media.resume,
    user_type: 'mentor',
  };
}
