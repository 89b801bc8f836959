import { certifications } from '@career-nexus/db';
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Services } from '../../context.ts';
import { columnsOf } from './columns.ts';
import type {
  addCertificationInput,
  CertificationItem,
  updateCertificationInput,
} from './contract.ts';
import { notFound, ownedBy, removeOwned } from './owned-rows.ts';

type Deps = Pick<Services, 'db'>;
export type Certification = typeof certifications.$inferSelect;
type NewCertification = z.output<typeof addCertificationInput>;
type CertificationChange = z.output<typeof updateCertificationInput>;

const columns = {
  title: 'title',
  school: 'school',
  issue_date: 'issueDate',
  cert_id: 'certId',
  skills: 'skills',
} as const satisfies Record<keyof NewCertification, keyof Certification>;

/** The one place a certification row becomes its documented shape. */
export function certificationToWire(row: Certification): CertificationItem {
  return {
    id: row.id,
    title: row.title,
    school: row.school,
    issue_date: row.issueDate,
    cert_id: row.certId,
    skills: row.skills,
  };
}

export function listCertifications({ db }: Deps, userId: number): Promise<Certification[]> {
  return db
    .select()
    .from(certifications)
    .where(eq(certifications.userId, userId))
    .orderBy(desc(certifications.issueDate), desc(certifications.id));
}

export async function addCertification(
  { db }: Deps,
  userId: number,
  input: NewCertification,
): Promise<Certification> {
  const values = { ...columnsOf(input, columns), userId };

  const [row] = await db.insert(certifications).values(values).returning();
  return row!;
}

/** One statement: with no dates to compare, nothing needs reading first. */
export async function updateCertification(
  { db }: Deps,
  userId: number,
  { id, ...fields }: CertificationChange,
): Promise<Certification> {
  const change = columnsOf(fields, columns);
  const owned = ownedBy(certifications, id, userId);

  const [row] =
    Object.keys(change).length === 0
      ? await db.select().from(certifications).where(owned)
      : await db.update(certifications).set(change).where(owned).returning();
  if (!row) throw notFound('certification');
  return row;
}

export function removeCertification({ db }: Deps, userId: number, id: number): Promise<void> {
  return removeOwned(db, certifications, 'certification', id, userId);
}
