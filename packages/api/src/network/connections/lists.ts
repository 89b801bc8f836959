import { connections, profiles } from '@career-nexus/db';
import { and, asc, count, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Services } from '../../context.ts';

type Deps = Pick<Services, 'db'>;

/** One connection row with what the lists show of the other member. */
export interface ConnectionRecord {
  id: number;
  status: 'PENDING' | 'CONFIRMED';
  other: {
    userId: number;
    firstName: string;
    lastName: string;
    middleName: string;
    profilePhoto: string | null;
    qualification: string;
  };
}

const mine = (userId: number) =>
  or(eq(connections.requesterId, userId), eq(connections.recipientId, userId));

async function connectionRecords(
  { db }: Deps,
  userId: number,
  where: SQL | undefined,
): Promise<ConnectionRecord[]> {
  const otherId = sql`case when ${connections.requesterId} = ${userId}
    then ${connections.recipientId} else ${connections.requesterId} end`;
  return db
    .select({
      id: connections.id,
      status: connections.status,
      other: {
        userId: profiles.userId,
        firstName: profiles.firstName,
        lastName: profiles.lastName,
        middleName: profiles.middleName,
        profilePhoto: profiles.profilePhoto,
        qualification: profiles.qualification,
      },
    })
    .from(connections)
    .innerJoin(profiles, eq(profiles.userId, otherId))
    .where(where)
    .orderBy(asc(connections.id));
}

/** Confirmed connections, whoever asked. */
export function confirmedConnections(deps: Deps, userId: number) {
  return connectionRecords(deps, userId, and(eq(connections.status, 'CONFIRMED'), mine(userId)));
}

/** Requests other members sent to `userId` that wait for an answer. */
export function incomingRequests(deps: Deps, userId: number) {
  return connectionRecords(
    deps,
    userId,
    and(eq(connections.recipientId, userId), eq(connections.status, 'PENDING')),
  );
}

/** Requests `userId` sent that wait for an answer. */
export function outgoingRequests(deps: Deps, userId: number) {
  return connectionRecords(
    deps,
    userId,
    and(eq(connections.requesterId, userId), eq(connections.status, 'PENDING')),
  );
}

export async function countConfirmed({ db }: Deps, userId: number): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(connections)
    .where(and(eq(connections.status, 'CONFIRMED'), mine(userId)));
  return row?.total ?? 0;
}
