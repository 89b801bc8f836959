import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { availabilityEnum, industryEnum, userTypeEnum } from './enums.ts';

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: serial().primaryKey(),
    email: text().notNull().unique(),
    passwordHash: text().notNull(),
    userType: userTypeEnum().notNull(),
    industry: industryEnum().notNull(),
    isStaff: boolean().notNull().default(false),
    /**
     * How many members follow this one, kept by a trigger on `follows`
     * (migration 0005), so that "most followed first" sorts a column
     * instead of counting the followers of every candidate.
     */
    followerCount: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  // Recommendations find members by industry among every member.
  (t) => [index().on(t.industry)],
);

/**
 * One row per user, sharing the user's id. Media columns hold storage keys;
 * null means "use the default" (photos) or "absent" (video, resume).
 */
export const profiles = pgTable(
  'profiles',
  {
    userId: integer()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    firstName: text().notNull().default('N/A'),
    lastName: text().notNull().default('N/A'),
    middleName: text().notNull().default('N/A'),
    countryCode: text().notNull().default(''),
    phoneNumber: text().notNull().default(''),
    profilePhoto: text(),
    coverPhoto: text(),
    introVideo: text(),
    resume: text(),
    location: text().notNull().default(''),
    position: text().notNull().default(''),
    bio: text().notNull().default(''),
    qualification: text().notNull().default(''),
    summary: text().notNull().default(''),
    timezone: text().notNull().default('UTC'),
    yearsOfExperience: integer().notNull().default(0),
    availability: availabilityEnum(),
    currentJob: text().notNull().default(''),
    areasOfExpertise: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    technicalSkills: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    mentorshipStyles: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    linkedinUrl: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Recommendations match locations ignoring case.
    index('profiles_location_lower_idx').on(sql`lower(${t.location})`),
  ],
);

/**
 * Access sessions, in the shape lucia's Drizzle adapter expects. Each one
 * belongs to the refresh family that minted it, so revoking the family
 * (sign-out, refresh token reuse) ends its access sessions too.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    refreshFamily: text().notNull(),
  },
  (t) => [index().on(t.userId), index().on(t.refreshFamily)],
);

/**
 * Refresh tokens, stored as SHA-256 of a 256-bit random token. A token is
 * used once: rotation marks it used and issues the next of its family.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: serial().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    family: text().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.family), index().on(t.userId)],
);

export const challengePurposeEnum = pgEnum('challenge_purpose', ['signup', 'password_reset']);

/**
 * An emailed proof of address ownership: a 6-digit OTP and a link token,
 * both stored as argon2id hashes. The link token is `selector + verifier`;
 * the selector finds the row, the verifier is checked against its hash.
 * Signup challenges also carry the pending registration.
 */
export const emailChallenges = pgTable(
  'email_challenges',
  {
    id: serial().primaryKey(),
    purpose: challengePurposeEnum().notNull(),
    email: text().notNull(),
    otpHash: text().notNull(),
    linkSelector: text().notNull().unique(),
    linkVerifierHash: text().notNull(),
    failedAttempts: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    verifiedAt: timestamp({ withTimezone: true }),
    passwordHash: text(),
    industry: industryEnum(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.purpose, t.email)],
);

/** Fixed-window attempt counters shared by every server instance. */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  hits: integer().notNull(),
});
