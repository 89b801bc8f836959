import type { Services } from '../../context.ts';
import { profilePhotoUrl } from '../../profile/details/media.ts';
import type { ConnectionItem } from './contract.ts';
import type { ConnectionRecord } from './lists.ts';

// The one place connection rows become their documented shapes.

type Urls = Pick<Services, 'storage' | 'settings'>;

export function connectionToWire(urls: Urls, record: ConnectionRecord): ConnectionItem {
  const { other } = record;
  return {
    id: record.id,
    connection: {
      first_name: other.firstName,
      last_name: other.lastName,
      middle_name: other.middleName,
      profile_photo: profilePhotoUrl(urls, other.profilePhoto),
      qualification: other.qualification,
      status: record.status,
      user_id: other.userId,
    },
  };
}
