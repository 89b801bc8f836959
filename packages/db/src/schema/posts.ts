import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  pgTable,
  primaryKey,
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

const member = () =>
  integer()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });
const post = () =>
  integer()
    .notNull()
    .references(() => posts.id, { onDelete: 'cascade' });
const at = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** One like per member and post: the primary key refuses a second, also under concurrency. */
export const postLikes = pgTable(
  'post_likes',
  { postId: post(), userId: member(), createdAt: at() },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index().on(t.userId)],
);

/** Comments and their replies: a reply names the comment it answers. */
export const comments = pgTable(
  'comments',
  {
    id: serial().primaryKey(),
    postId: post(),
    authorId: member(),
    parentId: integer().references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    body: text().notNull(),
    media: text(),
    createdAt: at(),
  },
  (t) => [index().on(t.postId, t.createdAt), index().on(t.parentId, t.createdAt)],
);

export const commentLikes = pgTable(
  'comment_likes',
  {
    commentId: integer()
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: member(),
    createdAt: at(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] })],
);

export const postSaves = pgTable(
  'post_saves',
  { postId: post(), userId: member(), createdAt: at() },
  (t) => [primaryKey({ columns: [t.userId, t.postId] }), index().on(t.userId, t.createdAt.desc())],
);

/** Every share is recorded: `share_count` counts them. */
export const postShares = pgTable(
  'post_shares',
  { id: serial().primaryKey(), postId: post(), userId: member(), createdAt: at() },
  (t) => [index().on(t.postId)],
);
