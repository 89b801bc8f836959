import { z } from 'zod';
import type { Services } from '../context.ts';
import { ABSENT, profilePhotoUrl } from '../profile/details/media.ts';

// Follow and connection recommendations show a member the same way; this
// is the one place that shape is declared and filled.

/** A recommended member, with how many members follow them. */
export const recommendedMember = z.object({
  id: z.number().int(),
  name: z.string(),
  qualification: z.string(),
  /** An absolute URL: the member's photo or the default one. */
  profile_photo: z.string(),
  followers: z.number().int(),
});

export type RecommendedMember = z.infer<typeof recommendedMember>;

/** What a recommendation query reads of each member. */
export interface RecommendationRow {
  userId: number;
  firstName: string;
  lastName: string;
  profilePhoto: string | null;
  qualification: string;
  followers: number;
}

type Urls = Pick<Services, 'storage' | 'settings'>;

/** "First Last", leaving out names never filled in; "N/A" when neither is. */
function displayName(row: RecommendationRow): string {
  const parts = [row.firstName, row.lastName].filter((part) => part && part !== ABSENT);
  return parts.length > 0 ? parts.join(' ') : ABSENT;
}

export function recommendationToWire(urls: Urls, row: RecommendationRow): RecommendedMember {
  return {
    id: row.userId,
    name: displayName(row),
    qualification: row.qualification,
    profile_photo: profilePhotoUrl(urls, row.profilePhoto),
    followers: row.followers,
  };
}
