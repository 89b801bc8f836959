import { availabilities } from '@career-nexus/db';
import { z } from 'zod';
import { idField, requiredText, text } from '../../fields.ts';
import { route } from '../../meta.ts';
import { timeZoneField } from '../../timezones.ts';
import { fileField, type FileRule } from '../../uploads.ts';
import { certificationItem, educationItem, experienceItem } from '../career/contract.ts';

const MB = 2 ** 20;

export const imageRule: FileRule = {
  types: ['image/jpeg', 'image/png', 'image/webp'],
  maxBytes: 5 * MB,
  label: 'a JPEG, PNG or WebP image',
};

export const videoRule: FileRule = {
  types: ['video/mp4', 'video/webm'],
  maxBytes: 50 * MB,
  label: 'an MP4 or WebM video',
};

export const resumeRule: FileRule = {
  types: ['application/pdf'],
  maxBytes: 5 * MB,
  label: 'a PDF document',
};

// Retrieve

export const retrieveProfileInput = z.object({ user_id: idField.optional() }).optional();

const contactShape = {
  first_name: z.string(),
  last_name: z.string(),
  middle_name: z.string(),
  country_code: z.string(),
  phone_number: z.string(),
};

/** An absolute URL, or "N/A" when there is no file. */
const mediaUrl = z.string();

const mentorShape = {
  years_of_experience: z.number().int(),
  availability: z.enum(availabilities).nullable(),
  current_job: z.string(),
  areas_of_expertise: z.array(z.string()),
  technical_skills: z.array(z.string()),
  mentorship_styles: z.array(z.string()),
};

const retrievedHead = {
  ...contactShape,
  cover_photo: mediaUrl,
  profile_photo: mediaUrl,
  location: z.string(),
  position: z.string(),
  bio: z.string(),
  qualification: z.string(),
  intro_video: mediaUrl,
  summary: z.string(),
  experience: z.array(experienceItem),
  education: z.array(educationItem),
  certification: z.array(certificationItem),
};

const counts = { followers: z.number().int(), followings: z.number().int() };

export const retrievedLearner = z.object({
  ...retrievedHead,
  ...counts,
  resume: mediaUrl,
  timezone: z.string(),
  user_type: z.literal('learner'),
});

export const retrievedMentor = z.object({
  ...retrievedHead,
  ...mentorShape,
  resume: mediaUrl,
  timezone: z.string(),
  linkedin_url: z.string().nullable(),
  ...counts,
  user_type: z.literal('mentor'),
});

/** The documented learner or mentor shape, chosen by the viewed member's type. */
export const retrieveProfileOutput = z.discriminatedUnion('user_type', [
  retrievedLearner,
  retrievedMentor,
]);

// Update

const callingCode = z
  .string()
  .trim()
  .regex(/^\+?\d{1,4}$/, 'Use a country calling code such as +234.')
  .transform((code) => (code.startsWith('+') ? code : `+${code}`));

/** Forms send numbers as text; JSON may send either. */
const years = z
  .union([z.number(), z.string().trim().regex(/^\d+$/, 'Use a whole number.').transform(Number)])
  .pipe(
    z
      .number()
      .int('Use a whole number.')
      .min(0, 'Use a number of years, 0 or more.')
      .max(80, 'Use at most 80 years.'),
  );

const list = z
  .array(requiredText(200), { error: 'Send a list of strings.' })
  .max(50, 'Send at most 50 items.');

/** An empty value or null removes the link. */
const linkedinUrl = z.union([
  z.url({ protocol: /^https?$/, error: 'Use a full http(s) URL.' }).max(500),
  z.literal('').transform(() => null),
  z.null(),
]);

export const updateProfileInput = z
  .object({
    first_name: requiredText(200),
    last_name: requiredText(200),
    middle_name: text(200),
    country_code: callingCode,
    phone_number: text(30),
    qualification: text(200),
    location: text(200),
    position: text(200),
    bio: text(4000),
    summary: text(5000),
    timezone: timeZoneField,
    years_of_experience: years,
    availability: z.enum(availabilities, { error: 'Use weekdays or weekends.' }),
    current_job: text(200),
    areas_of_expertise: list,
    technical_skills: list,
    mentorship_styles: list,
    linkedin_url: linkedinUrl,
    profile_photo: fileField(imageRule),
    cover_photo: fileField(imageRule),
    intro_video: fileField(videoRule),
    resume: fileField(resumeRule),
  })
  .partial();

const updatedHead = {
  ...contactShape,
  profile_photo: mediaUrl,
  cover_photo: mediaUrl,
  qualification: z.string(),
  intro_video: mediaUrl,
  location: z.string(),
  bio: z.string(),
  position: z.string(),
  summary: z.string(),
};

export const updatedLearner = z.object({
  ...updatedHead,
  timezone: z.string(),
  resume: mediaUrl,
  user_type: z.literal('learner'),
});

export const updatedMentor = z.object({
  ...updatedHead,
  ...mentorShape,
  timezone: z.string(),
  linkedin_url: z.string().nullable(),
  resume: mediaUrl,
  user_type: z.literal('mentor'),
});

export const updateProfileOutput = z.discriminatedUnion('user_type', [
  updatedLearner,
  updatedMentor,
]);

export type RetrievedProfile = z.infer<typeof retrieveProfileOutput>;
export type UpdatedProfile = z.infer<typeof updateProfileOutput>;
export type ProfileChange = z.output<typeof updateProfileInput>;

const tag = 'profiles';

export const detailsRoutes = {
  retrieve: route('GET', '/user/retrieve-profile/', {
    tag,
    summary: "A member's profile: mine, or another's by user_id (which records a view)",
  }),
  update: route('PUT', '/user/profile-update/', {
    tag,
    multipart: true,
    summary: 'Change some fields of my profile; files as multipart/form-data parts',
  }),
};
