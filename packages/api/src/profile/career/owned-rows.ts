import type { Database } from '@career-nexus/db';
import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { DomainError } from '../../errors.ts';

/** A table whose rows belong to one member. */
export type OwnedTable = PgTable & { id: PgColumn; userId: PgColumn };

/** The row `id` when it belongs to `userId`. */
export function ownedBy(table: OwnedTable, id: number, userId: number): SQL {
  return and(eq(table.id, id), eq(table.userId, userId))!;
}

/**
 * Another member's row answers exactly like a missing one, so that ids
 * reveal nothing about other members' profiles.
 */
export function notFound(what: string): DomainError {
  return new DomainError('not_found', `You have no ${what} with this id.`);
}

export async function removeOwned(
  db: Database,
  table: OwnedTable,
  what: string,
  id: number,
  userId: number,
): Promise<void> {
  const removed = await db
    .delete(table)
    .where(ownedBy(table, id, userId))
    .returning({ id: table.id });
  if (removed.length === 0) throw notFound(what);
}
