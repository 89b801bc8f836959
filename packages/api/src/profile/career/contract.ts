import { experienceEmploymentTypes } from '@career-nexus/db';
import { z } from 'zod';
import { idField, requiredText, text } from '../../fields.ts';
import { route } from '../../meta.ts';

/** How the end of a period that has not ended is shown, and may be sent back. */
export const PRESENT = 'Present';

const dateField = z.iso
  .date('Use a date written YYYY-MM-DD.')
  .refine((value) => value >= '1900-01-01' && value <= '2100-12-31', {
    message: 'Use a date between 1900 and 2100.',
  });

/** Omitted, null or "Present": the period has not ended. */
const endDateField = z
  .union([dateField, z.literal(PRESENT)])
  .nullable()
  .transform((value) => (value === PRESENT ? null : value));

const wireDate = z.iso.date();
const wireEndDate = z.union([wireDate, z.literal(PRESENT)]);

// Experience

const experienceFields = z.object({
  title: requiredText(200),
  organization: requiredText(200),
  start_date: dateField,
  end_date: endDateField.optional(),
  location: text(200),
  employment_type: z.enum(experienceEmploymentTypes),
  detail: text(5000),
});

export const experienceItem = z.object({
  id: z.number().int(),
  title: z.string(),
  organization: z.string(),
  start_date: wireDate,
  end_date: wireEndDate,
  location: z.string(),
  employment_type: z.enum(experienceEmploymentTypes),
  detail: z.string(),
});

export const listExperienceOutput = z.array(experienceItem);

export const addExperienceInput = experienceFields.extend({
  location: text(200).default(''),
  detail: text(5000).default(''),
});

export const updateExperienceInput = experienceFields.partial().extend({ id: idField });

export const removeExperienceInput = z.object({ experience_id: idField });

// Education

const educationFields = z.object({
  course: requiredText(200),
  school: requiredText(200),
  start_date: dateField,
  end_date: endDateField.optional(),
  location: text(200),
  detail: text(5000),
});

export const educationItem = z.object({
  id: z.number().int(),
  course: z.string(),
  school: z.string(),
  start_date: wireDate,
  end_date: wireEndDate,
  location: z.string(),
  detail: z.string(),
});

export const listEducationOutput = z.array(educationItem);

export const addEducationInput = educationFields.extend({
  location: text(200).default(''),
  detail: text(5000).default(''),
});

export const updateEducationInput = educationFields.partial().extend({ id: idField });

export const removeEducationInput = z.object({ education_id: idField });

// Certification

const certificationFields = z.object({
  title: requiredText(200),
  school: requiredText(200),
  issue_date: dateField,
  cert_id: text(1000),
  skills: text(1000),
});

export const certificationItem = z.object({
  id: z.number().int(),
  title: z.string(),
  school: z.string(),
  issue_date: wireDate,
  cert_id: z.string(),
  skills: z.string(),
});

export const listCertificationOutput = z.array(certificationItem);

export const addCertificationInput = certificationFields.extend({
  cert_id: text(1000).default(''),
  skills: text(1000).default(''),
});

export const updateCertificationInput = certificationFields.partial().extend({ id: idField });

export const removeCertificationInput = z.object({ certification_id: idField });

export const removedOutput = z.void();

export type ExperienceItem = z.infer<typeof experienceItem>;
export type EducationItem = z.infer<typeof educationItem>;
export type CertificationItem = z.infer<typeof certificationItem>;

const tag = 'profiles';

export const experienceRoutes = {
  list: route('GET', '/user/experience/', { tag, summary: 'My experience, latest start first' }),
  add: route('POST', '/user/experience/', { status: 201, tag, summary: 'Add an experience' }),
  update: route('PUT', '/user/update-experience/', {
    status: 201,
    tag,
    summary: 'Change some fields of one of my experiences',
  }),
  remove: route('DELETE', '/user/experience/', {
    status: 204,
    tag,
    summary: 'Delete one of my experiences',
  }),
};

export const educationRoutes = {
  list: route('GET', '/user/education/', { tag, summary: 'My education, latest start first' }),
  add: route('POST', '/user/education/', { status: 201, tag, summary: 'Add an education' }),
  update: route('PUT', '/user/education/', {
    status: 201,
    tag,
    summary: 'Change some fields of one of my educations',
  }),
  remove: route('DELETE', '/user/education/', {
    status: 204,
    tag,
    summary: 'Delete one of my educations',
  }),
};

export const certificationRoutes = {
  list: route('GET', '/user/certification/', {
    tag,
    summary: 'My certifications, latest issue first',
  }),
  add: route('POST', '/user/certification/', {
    status: 201,
    tag,
    summary: 'Add a certification',
  }),
  update: route('PUT', '/user/certification/', {
    status: 201,
    tag,
    summary: 'Change some fields of one of my certifications',
  }),
  remove: route('DELETE', '/user/certification/', {
    status: 204,
    tag,
    summary: 'Delete one of my certifications',
  }),
};
