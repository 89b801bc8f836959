import { educations } from '@career-nexus/db';
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Services } from '../../context.ts';
import { columnsOf } from './columns.ts';
import {
  PRESENT,
  type addEducationInput,
  type EducationItem,
  type updateEducationInput,
} from './contract.ts';
import { notFound, ownedBy, removeOwned } from './owned-rows.ts';
import { assertPeriod } from './periods.ts';

type Deps = Pick<Services, 'db'>;
export type Education = typeof educations.$inferSelect;
type NewEducation = z.output<typeof addEducationInput>;
type EducationChange = z.output<typeof updateEducationInput>;

const columns = {
  course: 'course',
  school: 'school',
  start_date: 'startDate',
  end_date: 'endDate',
  location: 'location',
  detail: 'detail',
} as const satisfies Record<keyof NewEducation, keyof Education>;

/** The one place an education row becomes its documented shape. */
export function educationToWire(row: Education): EducationItem {
  return {
    id: row.id,
    course: row.course,
    school: row.school,
    start_date: row.startDate,
    end_date: row.endDate ?? PRESENT,
    location: row.location,
    detail: row.detail,
  };
}

export function listEducations({ db }: Deps, userId: number): Promise<Education[]> {
  return db
    .select()
    .from(educations)
    .where(eq(educations.userId, userId))
    .orderBy(desc(educations.startDate), desc(educations.id));
}

export async function addEducation(
  { db }: Deps,
  userId: number,
  input: NewEducation,
): Promise<Education> {
  const values = { ...columnsOf(input, columns), userId };
  assertPeriod(values.startDate, values.endDate ?? null);

  const [row] = await db.insert(educations).values(values).returning();
  return row!;
}

export async function updateEducation(
  { db }: Deps,
  userId: number,
  { id, ...fields }: EducationChange,
): Promise<Education> {
  const change = columnsOf(fields, columns);

  // Locked for the same reason as an experience: the date check reads the row.
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(educations)
      .where(ownedBy(educations, id, userId))
      .for('update');
    if (!current) throw notFound('education');

    const next = { ...current, ...change };
    assertPeriod(next.startDate, next.endDate);
    if (Object.keys(change).length === 0) return current;

    const [row] = await tx.update(educations).set(change).where(eq(educations.id, id)).returning();
    return row!;
  });
}

export function removeEducation({ db }: Deps, userId: number, id: number): Promise<void> {
  return removeOwned(db, educations, 'education', id, userId);
}
