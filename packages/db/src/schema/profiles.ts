import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

export const experienceEmploymentTypes = ['Remote', 'Hybrid', 'Onsite'] as const;
export const experienceEmploymentTypeEnum = pgEnum(
  'experience_employment_type',
  experienceEmploymentTypes,
);

const owner = () =>
  integer()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const experiences = pgTable(
  'experiences',
  {
    id: serial().primaryKey(),
    userId: owner(),
    title: text().notNull(),
    organization: text().notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    /** Null while the position is held: shown as "Present". */
    endDate: date({ mode: 'string' }),
    location: text().notNull().default(''),
    employmentType: experienceEmploymentTypeEnum().notNull(),
    detail: text().notNull().default(''),
  },
  (t) => [index().on(t.userId, t.startDate.desc())],
);

export const educations = pgTable(
  'educations',
  {
    id: serial().primaryKey(),
    userId: owner(),
    course: text().notNull(),
    school: text().notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }),
    location: text().notNull().default(''),
    detail: text().notNull().default(''),
  },
  (t) => [index().on(t.userId, t.startDate.desc())],
);

export const certifications = pgTable(
  'certifications',
  {
    id: serial().primaryKey(),
    userId: owner(),
    title: text().notNull(),
    school: text().notNull(),
    issueDate: date({ mode: 'string' }).notNull(),
    certId: text().notNull().default(''),
    skills: text().notNull().default(''),
  },
  (t) => [index().on(t.userId, t.issueDate.desc())],
);

/** One row per read of a profile by someone else. */
export const profileViews = pgTable(
  'profile_views',
  {
    id: serial().primaryKey(),
    profileId: owner(),
    viewerId: integer().references(() => users.id, { onDelete: 'set null' }),
    viewedAt: timestamp({ withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index().on(t.profileId)],
);
