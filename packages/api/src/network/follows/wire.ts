import type { Services } from '../../context.ts';
import { profilePhotoUrl } from '../../profile/details/media.ts';
import type { FollowedMember } from './contract.ts';
import type { MemberRow } from './follows.ts';

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
