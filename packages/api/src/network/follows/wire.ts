import type { Services } from '../../context.ts';
import { ABSENT, profilePhotoUrl } from '../../profile/details/media.ts';
import type { FollowedMember, RecommendedMember } from './contract.ts';
import type { MemberRow } from './follows.ts';
import type { RecommendationRow } from './recommendations.ts';

// The one place follow rows become their documented shapes. Keys are
// written in the document's order, which JSON replies keep.

type Urls = Pick<Services, 'storage' | 'settings'>;

/** A followers or followings list entry. */
export function memberToWire(urls: Urls, row: MemberRow): FollowedMember {
  return {
    id: row.userId,
    first_name: row.firstName,
    last_name: row.lastName,
    middle_name: row.middleName,
    profile_photo: profilePhotoUrl(urls, row.profilePhoto),
    qualification: row.qualification,
  };
}

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
