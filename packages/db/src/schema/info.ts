import { boolean, pgTable, serial, text } from 'drizzle-orm/pg-core';

/** Countries members may give phone numbers in; staff enable or disable each. */
export const countries = pgTable('countries', {
  id: serial().primaryKey(),
  /** ISO 3166-1 alpha-2, such as `NG`. */
  isoCode: text().notNull().unique(),
  name: text().notNull(),
  /** With its plus sign, such as `+234`. */
  callingCode: text().notNull(),
  enabled: boolean().notNull().default(true),
});
