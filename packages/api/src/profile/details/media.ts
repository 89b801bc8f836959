import type { profiles } from '@career-nexus/db';
import type { Services } from '../../context.ts';

/** Where the server serves the images it ships with. */
export const ASSETS_PATH = '/assets/';

/** The images a profile shows until its member uploads their own. */
export const defaultImages = {
  profilePhoto: 'default-profile-photo.png',
  coverPhoto: 'default-cover-photo.png',
} as const;

/** What a media field shows when there is no file. */
export const ABSENT = 'N/A';

type MediaKeys = Pick<
  typeof profiles.$inferSelect,
  'profilePhoto' | 'coverPhoto' | 'introVideo' | 'resume'
>;

export type MediaUrls = { [K in keyof MediaKeys]: string };

type Urls = Pick<Services, 'storage' | 'settings'>;

function assetUrl({ settings }: Urls, name: string): string {
  return `${settings.publicUrl}${ASSETS_PATH}${name}`;
}

/** A stored file's absolute URL, or "N/A" when there is none. */
export function fileUrl({ storage }: Pick<Services, 'storage'>, key: string | null): string {
  return key ? storage.url(key) : ABSENT;
}

/** A member's photo wherever it is shown: the uploaded one, else the default image. */
export function profilePhotoUrl(urls: Urls, key: string | null): string {
  return key ? urls.storage.url(key) : assetUrl(urls, defaultImages.profilePhoto);
}

/** The absolute URL of each media field: stored keys through storage, else a default or "N/A". */
export function mediaUrlsOf(urls: Urls, keys: MediaKeys): MediaUrls {
  return {
    profilePhoto: profilePhotoUrl(urls, keys.profilePhoto),
    coverPhoto: keys.coverPhoto
      ? urls.storage.url(keys.coverPhoto)
      : assetUrl(urls, defaultImages.coverPhoto),
    introVideo: fileUrl(urls, keys.introVideo),
    resume: fileUrl(urls, keys.resume),
  };
}
