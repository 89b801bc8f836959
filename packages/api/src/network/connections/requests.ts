import { connections, isUniqueViolation, users } from '@career-nexus/db';
import { and, eq, or } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import { publishActivity } from '../../dashboard/activity.ts';
import { DomainError } from '../../errors.ts';

type Deps = Pick<Services, 'db' | 'events' | 'clock' | 'log'>;

export type Connection = typeof connections.$inferSelect;

/**
 * A pending request from `userId` to `otherId`. The unique index on the
 * unordered pair, not a read before the write, refuses a second row: two
 * members asking each other at the same instant leave one row and one 409.
 */
export async function requestConnection(
  deps: Deps,
  userId: number,
  otherId: number,
): Promise<Connection> {
  if (otherId === userId) throw new DomainError('bad_request', 'You cannot connect with yourself.');

  const [other] = await deps.db.select({ id: users.id }).from(users).where(eq(users.id, otherId));
  if (!other) throw new DomainError('not_found', 'No member has this id.');

  const connection = await insertRequest(deps, userId, otherId);

  await publishActivity(deps, 'connection.requested', userId, {
    type: 'connection',
    id: connection.id,
  });
  return connection;
}

async function insertRequest({ db }: Deps, requesterId: number, recipientId: number) {
  try {
    const [row] = await db.insert(connections).values({ requesterId, recipientId }).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', 'You are already connected or a request is pending.');
    }
    throw error;
  }
}

/**
 * The recipient's answer to a pending request. Each answer is one
 * conditional statement, so of two concurrent accepts only one changes the
 * row; the loser, like any refused caller, learns why from a second read.
 */
export async function respondToRequest(
  deps: Deps,
  userId: number,
  connectionId: number,
  answer: 'Accept' | 'Reject',
): Promise<void> {
  const pendingToMe = and(
    eq(connections.id, connectionId),
    eq(connections.recipientId, userId),
    eq(connections.status, 'PENDING'),
  );

  const changed =
    answer === 'Accept'
      ? await deps.db
          .update(connections)
          .set({ status: 'CONFIRMED' })
          .where(pendingToMe)
          .returning({ id: connections.id })
      : await deps.db.delete(connections).where(pendingToMe).returning({ id: connections.id });
  if (changed.length === 0) await explainRefusal(deps, userId, connectionId);

  if (answer === 'Accept') {
    await publishActivity(deps, 'connection.accepted', userId, {
      type: 'connection',
      id: connectionId,
    });
  }
}

async function explainRefusal({ db }: Deps, userId: number, connectionId: number): Promise<never> {
  const [row] = await db.select().from(connections).where(eq(connections.id, connectionId));
  // Someone else's request stays invisible: its existence is their business.
  if (!row || (row.requesterId !== userId && row.recipientId !== userId)) {
    throw new DomainError('not_found', 'No connection request has this id.');
  }
  if (row.recipientId !== userId) {
    throw new DomainError('forbidden', 'Only the member asked can answer this request.');
  }
  throw new DomainError('conflict', 'This request has already been accepted.');
}

/** Ends a connection, or withdraws or declines a request, the caller is part of. */
export async function removeConnection(
  { db }: Pick<Services, 'db'>,
  userId: number,
  connectionId: number,
): Promise<void> {
  const removed = await db
    .delete(connections)
    .where(
      and(
        eq(connections.id, connectionId),
        or(eq(connections.requesterId, userId), eq(connections.recipientId, userId)),
      ),
    )
    .returning({ id: connections.id });
  if (removed.length === 0)
    throw new DomainError('not_found', 'No connection of yours has this id.');
}
