import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

const member = () =>
  integer()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const follows = pgTable(
  'follows',
  {
    id: serial().primaryKey(),
    followerId: member(),
    followingId: member(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.followerId, t.followingId),
    index().on(t.followingId),
    check('follows_not_self', sql`${t.followerId} <> ${t.followingId}`),
  ],
);

export const connectionStatusEnum = pgEnum('connection_status', ['PENDING', 'CONFIRMED']);

/**
 * A connection request and, once accepted, the connection. The unique index
 * on the unordered pair keeps one row per two members, whoever asked first,
 * also when both ask at the same instant.
 */
export const connections = pgTable(
  'connections',
  {
    id: serial().primaryKey(),
    requesterId: member(),
    recipientId: member(),
    status: connectionStatusEnum().notNull().default('PENDING'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('connections_pair_unique').on(
      sql`least(${t.requesterId}, ${t.recipientId})`,
      sql`greatest(${t.requesterId}, ${t.recipientId})`,
    ),
    index().on(t.recipientId, t.status),
    index().on(t.requesterId, t.status),
    check('connections_not_self', sql`${t.requesterId} <> ${t.recipientId}`),
  ],
);
