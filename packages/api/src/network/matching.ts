import { profiles, type Industry } from '@career-nexus/db';
import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Services } from '../context.ts';

/** The member recommendations are read for. */
export interface Viewer {
  id: number;
  industry: Industry;
}

const viewerProfile = alias(profiles, 'viewer_profile');

/**
 * Whether a profile's location is the viewer's, ignoring case, read in the
 * same statement. Both sides are `lower(location)`, exactly as indexed, so
 * the index serves it (locations are trimmed when written); an empty
 * location matches no one, not everyone else without one.
 */
export function locatedLikeViewer({ db }: Pick<Services, 'db'>, viewerId: number) {
  const viewerLocation = db
    .select({ location: sql`nullif(lower(${viewerProfile.location}), '')` })
    .from(viewerProfile)
    .where(eq(viewerProfile.userId, viewerId));
  return eq(sql`lower(${profiles.location})`, sql`(${viewerLocation})`);
}
