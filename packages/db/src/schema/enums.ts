import { pgEnum } from 'drizzle-orm/pg-core';

/** Choice values, spelled exactly as the API contract lists them. */
export const industries = [
  'agriculture',
  'banking',
  'business',
  'commerce',
  'construction',
  'education',
  'entertainment',
  'government',
  'health',
  'manufacturing',
  'media',
  'others',
  'sports',
  'technology',
  'transportation',
] as const;

export const userTypes = ['learner', 'mentor'] as const;

export const availabilities = ['weekdays', 'weekends'] as const;

export const industryEnum = pgEnum('industry', industries);
export const userTypeEnum = pgEnum('user_type', userTypes);
export const availabilityEnum = pgEnum('availability', availabilities);

export type Industry = (typeof industries)[number];
export type UserType = (typeof userTypes)[number];
