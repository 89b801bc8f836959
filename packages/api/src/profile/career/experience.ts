import { experiences } from '@career-nexus/db';
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Services } from '../../context.ts';
import { columnsOf } from './columns.ts';
import {
  PRESENT,
  type addExperienceInput,
  type ExperienceItem,
  type updateExperienceInput,
} from './contract.ts';
import { notFound, ownedBy, removeOwned } from './owned-rows.ts';
import { assertPeriod } from './periods.ts';

type Deps = Pick<Services, 'db'>;
export type Experience = typeof experiences.$inferSelect;
type NewExperience = z.output<typeof addExperienceInput>;
type ExperienceChange = z.output<typeof updateExperienceInput>;

const columns = {
  title: 'title',
  organization: 'organization',
  start_date: 'startDate',
  end_date: 'endDate',
  location: 'location',
  employment_type: 'employmentType',
  detail: 'detail',
} as const satisfies Record<keyof NewExperience, keyof Experience>;

/** The one place an experience row becomes its documented shape. */
export function experienceToWire(row: Experience): ExperienceItem {
  return {
    id: row.id,
    title: row.title,
    organization: row.organization,
    start_date: row.startDate,
    end_date: row.endDate ?? PRESENT,
    location: row.location,
    employment_type: row.employmentType,
    detail: row.detail,
  };
}

export function listExperiences({ db }: Deps, userId: number): Promise<Experience[]> {
  return db
    .select()
    .from(experiences)
    .where(eq(experiences.userId, userId))
    .orderBy(desc(experiences.startDate), desc(experiences.id));
}

export async function addExperience(
  { db }: Deps,
  userId: number,
  input: NewExperience,
): Promise<Experience> {
  const values = { ...columnsOf(input, columns), userId };
  assertPeriod(values.startDate, values.endDate ?? null);

  const [row] = await db.insert(experiences).values(values).returning();
  return row!;
}

export async function updateExperience(
  { db }: Deps,
  userId: number,
  { id, ...fields }: ExperienceChange,
): Promise<Experience> {
  const change = columnsOf(fields, columns);

  // Locked, so that two updates of one row cannot each pass the date check
  // against the old row and together store an end before the start.
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(experiences)
      .where(ownedBy(experiences, id, userId))
      .for('update');
    if (!current) throw notFound('experience');

    const next = { ...current, ...change };
    assertPeriod(next.startDate, next.endDate);
    if (Object.keys(change).length === 0) return current;

    const [row] = await tx
      .update(experiences)
      .set(change)
      .where(eq(experiences.id, id))
      .returning();
    return row!;
  });
}

export function removeExperience({ db }: Deps, userId: number, id: number): Promise<void> {
  return removeOwned(db, experiences, 'experience', id, userId);
}
