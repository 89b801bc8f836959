import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { industryEnum } from './enums.ts';

export const posts = pgTable(
  'posts',
  {
    id: serial().primaryKey(),
    authorId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text().notNull().default(''),
    article: text(),
    pic1: text(),
    pic2: text(),
    pic3: text(),
    video: text(),
    /** The original post of a repost; a repost of a repost points at the original. */
    parentId: integer().references((): AnyPgColumn => posts.id, { onDelete: 'cascade' }),
    /** The author's industry at posting time, plus the parent's tags for a repost. */
    industries: industryEnum()
      .array()
      .notNull()
      .default(sql`'{}'`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.authorId, t.createdAt.desc()),
    index().on(t.createdAt.desc()),
    index('posts_industries_gin').using('gin', t.industries),
    index().on(t.parentId),
  ],
);
